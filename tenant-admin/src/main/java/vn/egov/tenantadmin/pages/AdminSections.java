package vn.egov.tenantadmin.pages;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.egov.platform.web.desk.DeskSection;

/** The unit administration's entries of the desk's menu (for the unit's administrators). */
@ApplicationScoped
public class AdminSections implements DeskSection.Contribution {

    @Override
    public List<DeskSection> sections() {
        return List.of(
                new DeskSection("overview", 10, "Tổng quan", "Overview", "", "tenant", "admin", false),
                new DeskSection("new", 20, "Tạo đơn vị trực thuộc", "New sub-unit", "units/new", "tenant", "admin", false),
                new DeskSection("import", 30, "Nhập đơn vị từ CSV", "Import units (CSV)", "import", "tenant", "admin", false),
                new DeskSection("reorganise", 40, "Sắp xếp đơn vị", "Reorganise", "reorganise", "tenant", "admin", false),
                new DeskSection("audit", 50, "Nhật ký", "Audit trail", "audit", "tenant", "admin", false),
                new DeskSection("users", 60, "Người dùng", "Users", "users", "tenant", "admin", false),
                new DeskSection("settings", 70, "Cấu hình", "Settings", "settings", "tenant", "admin", false),
                new DeskSection("search", 80, "Chỉ mục tìm kiếm", "Search index", "search", "tenant", "admin", false),
                new DeskSection("calendar", 100, "Lịch làm việc", "Working days", "calendar", "tenant", "admin", false));
    }
}
