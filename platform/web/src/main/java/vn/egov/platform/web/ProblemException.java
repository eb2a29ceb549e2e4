package vn.egov.platform.web;

import java.util.Objects;

/** Thrown by boundaries to answer with a given problem. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(Objects.requireNonNull(problem, "problem").titleEn() + (problem.detailEn() == null ? "" : ": " + problem.detailEn()));
        this.problem = problem;
    }

    public Problem problem() { return problem; }

    public static ProblemException notFound(String whatVi, String whatEn) {
        return new ProblemException(Problem.of(404, "not-found", "Không tìm thấy", "Not found",
                "Không tìm thấy " + whatVi + ".", "No such " + whatEn + "."));
    }

    public static ProblemException forbidden() {
        return new ProblemException(Problem.of(403, "forbidden", "Không có quyền", "Forbidden",
                "Tài khoản của bạn không có quyền thực hiện thao tác này tại đơn vị này.",
                "Your account may not do this in this unit."));
    }

    public static ProblemException unauthenticated() {
        return new ProblemException(Problem.of(401, "unauthenticated", "Cần đăng nhập", "Login required",
                "Hãy đăng nhập (biểu mẫu đăng nhập hoặc HTTP Basic) rồi thử lại.",
                "Log in (login form or HTTP Basic) and try again."));
    }
}
