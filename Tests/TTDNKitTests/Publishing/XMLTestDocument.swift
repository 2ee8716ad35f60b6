import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An XML document read back with Foundation's `XMLParser`: proof that it is well-formed, and its elements
/// (qualified names, attributes, text) in document order.
struct XMLTestDocument {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
        /// The names of the enclosing elements, outermost first.
        var path: [String]
    }

    var elements: [Element] = []
    var error: String?

    init(_ xml: String) {
        final class Collector: NSObject, XMLParserDelegate {
            var elements: [Element] = []
            var open: [Int] = []
            func parser(
                _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                let path = open.map { elements[$0].name }
                elements.append(Element(name: qualifiedName ?? element, attributes: attributes, text: "", path: path))
                open.append(elements.count - 1)
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) {
                if let last = open.last { elements[last].text += string }
            }
            func parser(_ parser: XMLParser, foundCDATA block: Data) {
                if let last = open.last { elements[last].text += String(decoding: block, as: UTF8.self) }
            }
            func parser(
                _ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?
            ) { open.removeLast() }
        }
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = Collector()
        parser.delegate = collector
        if parser.parse() {
            elements = collector.elements
        } else {
            error = String(describing: parser.parserError)
        }
    }

    /// The elements named `name`.
    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// The texts of the elements named `name` directly inside an element named `parent`.
    func texts(_ name: String, in parent: String) -> [String] {
        elements.filter { $0.name == name && $0.path.last == parent }.map(\.text)
    }
}
