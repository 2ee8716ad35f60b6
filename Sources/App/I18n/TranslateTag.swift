import Leaf
import Vapor

/// `#t("key")` or `#t("key", arg0, arg1)`: the text of `key` in the request's language.
/// Its output is escaped like any other value (it is not an `UnsafeUnescapedLeafTag`).
struct TranslateTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else {
            throw "#t needs a key as its first parameter"
        }
        guard let request = ctx.request else { return .string(key) }
        let arguments = ctx.parameters.dropFirst().map { $0.string ?? "" }
        return .string(request.application.translations.text(key, locale: request.locale, arguments: arguments))
    }
}
