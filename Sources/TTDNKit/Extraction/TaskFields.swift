import Foundation

/// The attribute labels a plan writes under a task (`Đơn vị chủ trì:`, `Thời gian thực hiện:`,
/// `Nội dung:`), and what each one fills.
enum TaskFields {
    enum Field: Equatable {
        case lead, support, time, other
    }

    /// Attribute words (folded). A numbered sub-item headed only by one of these is not a task.
    static let attributeStarts: [String] = [
        "noi dung", "hinh thuc", "doi tuong", "thoi gian", "thoi han", "tien do", "don vi", "co quan chu tri",
        "co quan phoi hop", "co quan thuc hien", "kinh phi", "dia diem", "thanh phan", "san pham",
        "ket qua", "phuong thuc", "quy mo", "so luong", "chu tri", "phoi hop", "trach nhiem", "nguon kinh phi",
        "du toan", "phuong phap", "yeu cau", "muc tieu", "chi tieu",
    ]

    /// Attribute starts that are also verbs opening a task title.
    static let verbStarts: Set<String> = ["chu tri", "phoi hop"]

    /// Words (folded) that complete a label such as `Phối hợp thực hiện` or `Chủ trì tổ chức`.
    static let labelWords: Set<String> = [
        "thuc", "hien", "to", "chuc", "trien", "khai", "chu", "tri", "phoi", "hop", "don", "vi", "co", "quan",
    ]

    /// The first words of the attribute labels, unfolded: a dictionary test before folding the label.
    static let firstWords: Set<String> = [
        "nội", "hình", "đối", "thời", "tiến", "đơn", "cơ", "kinh", "địa", "thành", "sản", "kết", "phương", "quy", "số",
        "chủ", "phối", "trách", "nguồn", "dự", "yêu", "mục", "chỉ",
    ]

    static func field(ofLabel folded: String) -> Field {
        if folded.hasPrefix("thoi gian") || folded.hasPrefix("thoi han") || folded.hasPrefix("tien do") { return .time }
        let unitish =
            folded.hasPrefix("don vi") || folded.hasPrefix("co quan") || folded.hasPrefix("phoi hop")
            || folded.hasPrefix("chu tri") || folded.hasPrefix("trach nhiem")
        if unitish {
            if folded.foldedContains("phoi hop") && !folded.foldedContains("chu tri") { return .support }
            if folded.foldedContains("chu tri") || folded.foldedContains("thuc hien")
                || folded.foldedContains("trach nhiem")
                || folded == "don vi" || folded == "co quan"
            {
                return .lead
            }
        }
        return .other
    }

    /// `label: value` at the start of `text` when the label is an attribute word; the label is at most
    /// eight words and carries the colon.
    static func label(in text: String) -> (field: Field, label: String, value: String)? {
        // Cheap byte test first: most paragraphs have no colon near their start.
        guard text.utf8.prefix(240).contains(UInt8(ascii: ":")), let colon = text.prefix(80).firstIndex(of: ":") else {
            return nil
        }
        let label = text[..<colon]
        guard let firstWord = label.split(separator: " ", maxSplits: 1).first, firstWords.contains(Words.key(firstWord))
        else { return nil }
        guard label.split(separator: " ").count <= 8, let first = label.first, first.isLetter else { return nil }
        let folded = FastFold.fold(String(label))
        guard attributeStarts.contains(where: { folded.hasPrefix($0) }) else { return nil }
        let value = text[text.index(after: colon)...].trimmingWhitespace()
        return (field(ofLabel: folded), String(label), value)
    }

    /// Every `label: value` of a line: `Cơ quan chủ trì: A; cơ quan phối hợp: B.` gives both. A value ends
    /// at a `;` or a full stop that another label follows; otherwise it runs to the end of the line.
    static func labels(in text: String) -> [(field: Field, value: String)] {
        guard let first = label(in: text) else { return [] }
        let value = first.value
        // Another label needs another colon; most values have none. Then the separators, on bytes (they are
        // ASCII, so a byte index is a valid String index).
        let utf8 = value.utf8
        guard utf8.contains(UInt8(ascii: ":")) else { return [(first.field, value)] }
        for cut in utf8.indices where utf8[cut] == UInt8(ascii: ";") || utf8[cut] == UInt8(ascii: ".") {
            let rest = value[utf8.index(after: cut)...]
            // The next label's colon comes within its first 80 characters.
            guard rest.utf8.prefix(320).contains(UInt8(ascii: ":")) else { continue }
            let trimmed = rest.trimmingWhitespace()
            guard !trimmed.isEmpty, label(in: trimmed) != nil else { continue }
            return [(first.field, String(value[..<cut]))] + labels(in: trimmed)
        }
        return [(first.field, value)]
    }

    /// Whether a numbered heading is only an attribute (`2.3. Đối tượng tập huấn: …`, `2.5. Đơn vị thực hiện`).
    static func attribute(heading: String) -> (field: Field, value: String)? {
        if let found = label(in: heading) { return (found.field, found.value) }
        let words = heading.split(separator: " ")
        guard words.count <= 5 else { return nil }
        let folded = FastFold.fold(heading.trimming(".:; "))
        guard let start = attributeStarts.first(where: { folded.hasPrefix($0) }) else { return nil }
        // `Chủ trì` and `Phối hợp` are also verbs that open task titles (`Phối hợp đón đoàn khách`):
        // without a colon they are a label only when nothing but label words follows (`Phối hợp thực hiện`).
        if verbStarts.contains(start) {
            let rest = folded.dropFirst(start.count).split(separator: " ")
            guard rest.allSatisfy({ labelWords.contains(String($0)) }) else { return nil }
        }
        return (field(ofLabel: folded), "")
    }
}
