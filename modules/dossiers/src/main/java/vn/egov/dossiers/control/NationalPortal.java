package vn.egov.dossiers.control;

/**
 * The national public service portal's dossier status codes (its integration list "TrangThaiHoSo", as the
 * provinces' one-stop systems report them) and how the platform's statuses map onto them. The mapping lives here
 * only: the sync outbox carries the national code beside ours.
 */
public enum NationalPortal {
    REGISTERED(1, "Mới đăng ký"),
    RECEIVED(2, "Được tiếp nhận"),
    NOT_ACCEPTED(3, "Không được tiếp nhận"),
    PROCESSING(4, "Đang xử lý"),
    SUPPLEMENT(5, "Yêu cầu bổ sung giấy tờ"),
    FINANCIAL_OBLIGATION(6, "Yêu cầu thực hiện nghĩa vụ tài chính"),
    WITHDRAWN(7, "Công dân yêu cầu rút hồ sơ"),
    STOPPED(8, "Dừng xử lý"),
    RESULT_READY(9, "Đã có kết quả"),
    RESULT_RETURNED(10, "Đã trả kết quả");

    public final int code;
    public final String vietnamese;

    NationalPortal(int code, String vietnamese) {
        this.code = code;
        this.vietnamese = vietnamese;
    }

    /**
     * The national status of one of ours. A transfer to another agency is processing there (the portal follows
     * the dossier, not the agency); a stop asked by the applicant is a withdrawal; a result returned online is
     * returned the moment it is published.
     */
    public static NationalPortal of(String status, boolean byApplicant, String returnBy) {
        return switch (status) {
            case "received" -> RECEIVED;
            case "in_progress", "transferred" -> PROCESSING;
            case "supplement" -> SUPPLEMENT;
            case "refused" -> NOT_ACCEPTED;
            case "stopped" -> byApplicant ? WITHDRAWN : STOPPED;
            case "done" -> "online".equals(returnBy) ? RESULT_RETURNED : RESULT_READY;
            default -> throw new IllegalArgumentException("no national status for " + status);
        };
    }
}
