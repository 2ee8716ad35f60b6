import Foundation
import TTDNKit

/// Small helpers shared by the directory's forms.
enum DirectoryFormSupport {
    /// A day typed in a form: `2025-03-01` (what date fields send) or as people write it, `1/3/2025`,
    /// `01-03-2025`, `1.3.2025` (day first). Nil when it is not a real day.
    static func day(_ text: String?) -> LocalDate? {
        let value = (text ?? "").trimmingCharacters(in: .whitespaces)
        if let day = LocalDate(iso: value) { return day }
        let parts = value.split(whereSeparator: { "/-.".contains($0) }).map(String.init)
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2])
        else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }

    /// The ids of every agency under `id` in the tree (not `id` itself), by the merge rules' own walk.
    static func descendants(of id: UUID, in agencies: [Agency]) -> Set<UUID> {
        var parents: [UUID: UUID] = [:]
        for agency in agencies {
            if let parent = agency.$parent.id, let child = agency.id { parents[child] = parent }
        }
        return AgencyMerge.Directory(parents: parents).descendants(of: id)
    }

    /// One name per line, cleaned, without repeats (as the agency form reads aliases).
    static func lines(_ text: String?) -> [String] { FormText.lines(text) }

    /// A code made from a name: `Các sở, ban, ngành` → `cac-so-ban-nganh`.
    static func code(from name: String) -> String {
        let folded = VietnameseText.fold(name).lowercased()
        var out = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                out.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return String(out.prefix(80)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }

    /// Whether `code` is a valid directory code (as the CSV layout and the agency form require).
    static func isValidCode(_ code: String) -> Bool {
        code.count <= 80 && AgencyCSV.isValidCode(code)
    }
}
