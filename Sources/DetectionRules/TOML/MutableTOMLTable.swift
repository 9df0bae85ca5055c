/// The parser's working form of a table.
///
/// Tables are reopened by later headers and dotted keys, so the parser needs reference
/// semantics while building; the result is frozen into value-type `TOMLTable`s at the end.
final class MutableTOMLTable {
    /// How the table came to exist; TOML's redefinition rules depend on it.
    enum Origin {
        case root
        /// Defined by a `[header]`.
        case header
        /// Created as a parent of a header, e.g. `a` for `[a.b]`; a later `[a]` may still define it.
        case implicit
        /// Created by a dotted key such as `a.b = 1`.
        case dotted
        /// One element of an array of tables.
        case arrayElement
    }

    enum Item {
        case value(TOMLValue, key: SourcePosition, value: SourcePosition)
        case table(MutableTOMLTable, key: SourcePosition)
        case tableArray([MutableTOMLTable], key: SourcePosition)
    }

    var origin: Origin
    var position: SourcePosition
    private(set) var order: [String] = []
    private(set) var items: [String: Item] = [:]

    init(origin: Origin, position: SourcePosition) {
        self.origin = origin
        self.position = position
    }

    subscript(key: String) -> Item? {
        get { items[key] }
        set {
            if items[key] == nil { order.append(key) }
            items[key] = newValue
        }
    }

    func frozen() -> TOMLTable {
        var table = TOMLTable(position: position)
        for key in order {
            guard let item = items[key] else { continue }
            switch item {
            case .value(let value, let keyPosition, let valuePosition):
                table.set(value, for: key, keyPosition: keyPosition, valuePosition: valuePosition)
            case .table(let child, let keyPosition):
                table.set(.table(child.frozen()), for: key, keyPosition: keyPosition, valuePosition: child.position)
            case .tableArray(let children, let keyPosition):
                let valuePosition = children.first?.position ?? keyPosition
                table.set(
                    .array(children.map { .table($0.frozen()) }), for: key, keyPosition: keyPosition,
                    valuePosition: valuePosition)
            }
        }
        return table
    }
}
