/// The eleven channels through which a province promotes its image abroad (Thông tư 22/2016/TT-BTTTT, Điều 5).
/// Every article names the one it goes out through; later, publications, press visits and indicators use the
/// same list, so that what the office produces can be counted by channel. Labelled `channel.<raw>` in the
/// locales.
public enum PromotionChannel: String, Sendable, Codable, CaseIterable {
    /// Hoạt động đối ngoại: the foreign-affairs activities of the province's leaders and agencies.
    case foreignAffairs = "foreign-affairs"
    /// Cổng/trang thông tin điện tử in Vietnamese and foreign languages: the site itself.
    case websites
    /// Cơ sở dữ liệu hình ảnh: the province's image database.
    case imageDatabase = "image-database"
    /// Xuất bản phẩm: publications (bulletins, handbooks, leaflets, books).
    case publications
    /// Hệ thống thông tin tại cửa khẩu: information installations at border gates.
    case borderGates = "border-gates"
    /// Báo chí trong nước: the domestic press.
    case domesticPress = "domestic-press"
    /// Sản phẩm báo chí nước ngoài: foreign press products.
    case foreignPress = "foreign-press"
    /// Truyền thông trên Internet: social networks and other internet media.
    case internet
    /// Tiếp xúc với báo chí nước ngoài: contact with foreign reporters.
    case pressContacts = "press-contacts"
    /// Truyền thông nhân sự kiện lớn: communication around major events.
    case majorEvents = "major-events"
    /// Các hình thức hợp pháp khác: other lawful forms.
    case other
}
