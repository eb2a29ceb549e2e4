package vn.egov.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import vn.egov.platform.web.UserTokens.TokenView;

/**
 * The table of a user's API tokens, as the user's own page and their unit administrator's page show it: name, last
 * characters, dates (dd/MM/yyyy HH:mm, Vietnam time), state, and a revoke button on each token still in use.
 */
public final class TokenTable {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private TokenTable() {
    }

    /**
     * @param revokeAction where a token's revoke form posts
     * @param csrfField    the hidden CSRF field every form carries
     */
    public static String html(List<TokenView> tokens, boolean en, Function<TokenView, String> revokeAction, String csrfField) {
        StringBuilder b = new StringBuilder("<table id=\"tokens\"><thead><tr><th>").append(en ? "Name" : "Tên").append("</th><th>")
                .append(en ? "Ends with" : "Ký tự cuối").append("</th><th>").append(en ? "Made" : "Ngày tạo").append("</th><th>")
                .append(en ? "Expires" : "Hết hạn").append("</th><th>").append(en ? "Last used" : "Dùng lần cuối").append("</th><th>")
                .append(en ? "State" : "Trạng thái").append("</th><th></th></tr></thead><tbody>");
        for (TokenView t : tokens) {
            b.append("<tr data-id=\"").append(t.id()).append("\"><td>").append(Html.escape(t.name())).append("</td><td><code>")
                    .append(Html.escape(t.hint())).append("</code></td><td>").append(when(t.createdAt())).append("</td><td>")
                    .append(when(t.expiresAt())).append("</td><td>").append(t.lastUsedAt() == null ? (en ? "never" : "chưa dùng") : when(t.lastUsedAt()))
                    .append("</td><td class=\"state\">").append(state(t, en)).append("</td><td>");
            if ("active".equals(t.state())) {
                b.append("<form method=\"post\" action=\"").append(Html.escape(revokeAction.apply(t))).append("\">").append(csrfField)
                        .append("<button type=\"submit\" class=\"revoke\">").append(en ? "Revoke" : "Thu hồi").append("</button></form>");
            }
            b.append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    public static String when(Instant t) {
        return t == null ? "" : WHEN.format(t);
    }

    private static String state(TokenView t, boolean en) {
        return switch (t.state()) {
            case "active" -> en ? "in use" : "đang dùng";
            case "revoked" -> (en ? "revoked" : "đã thu hồi") + (t.revokedBy() == null ? "" : (en ? " by " : " bởi ") + Html.escape(t.revokedBy()));
            default -> en ? "expired" : "hết hạn";
        };
    }
}
