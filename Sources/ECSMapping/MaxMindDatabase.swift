import CMaxMindDB
import TrailTriageJSON

/// One open MaxMind DB (`.mmdb`) file, read through libmaxminddb.
///
/// This is the only file that touches libmaxminddb's C pointers: the handle lives at a fixed
/// address for the life of the object (libmaxminddb keeps pointers into it), and each record's
/// data comes back as a C linked list that is copied into a plain ``JSONValue`` tree and freed
/// before the lookup returns, so no C memory escapes this type.
///
/// libmaxminddb documents lookups on an opened, never modified `MMDB_s` as thread-safe, and the
/// handle is only closed in `deinit`, which is why the class may be shared across scan workers.
final class MaxMindDatabase: @unchecked Sendable {
    /// The file the database was opened from.
    let path: String
    /// The metadata's `database_type` (`GeoLite2-City`, `GeoLite2-ASN`, `DBIP-City-Lite`, …).
    let databaseType: String
    private let handle: UnsafeMutablePointer<MMDB_s>

    /// Opens (memory-maps) the file at `path`.
    ///
    /// - Throws: ``GeoIPDatabaseError`` naming the file and libmaxminddb's reason when it is
    ///   missing, unreadable or not a MaxMind DB.
    init(path: String) throws(GeoIPDatabaseError) {
        let handle = UnsafeMutablePointer<MMDB_s>.allocate(capacity: 1)
        let status = MMDB_open(path, UInt32(MMDB_MODE_MMAP), handle)
        guard status == MMDB_SUCCESS else {
            handle.deallocate()
            throw GeoIPDatabaseError(path: path, reason: Self.describe(status))
        }
        self.path = path
        self.handle = handle
        if let type = handle.pointee.metadata.database_type {
            databaseType = String(cString: type)
        } else {
            databaseType = ""
        }
    }

    deinit {
        MMDB_close(handle)
        handle.deallocate()
    }

    /// The record stored for `address` (IPv4 or IPv6 text), as JSON; `nil` when the database has
    /// no record for it, or the address is not one libmaxminddb can look up in this database
    /// (an IPv6 address in an IPv4-only file, text that is not an address).
    func record(for address: String) -> JSONValue? {
        var resolverError: Int32 = 0
        var databaseError: Int32 = 0
        var result = MMDB_lookup_string(handle, address, &resolverError, &databaseError)
        guard resolverError == 0, databaseError == MMDB_SUCCESS, result.found_entry else { return nil }
        var list: UnsafeMutablePointer<MMDB_entry_data_list_s>?
        guard MMDB_get_entry_data_list(&result.entry, &list) == MMDB_SUCCESS, let first = list else {
            MMDB_free_entry_data_list(list)
            return nil
        }
        defer { MMDB_free_entry_data_list(first) }
        var cursor: UnsafeMutablePointer<MMDB_entry_data_list_s>? = first
        return Self.decode(&cursor)
    }

    /// Decodes the value at `cursor` (maps and arrays with their members) and moves `cursor`
    /// past it. The list is flat: a map is followed by its keys and values, an array by its
    /// elements, each counted by `data_size`.
    private static func decode(_ cursor: inout UnsafeMutablePointer<MMDB_entry_data_list_s>?) -> JSONValue? {
        guard let node = cursor else { return nil }
        let data = node.pointee.entry_data
        cursor = node.pointee.next
        switch Int32(data.type) {
        case MMDB_DATA_TYPE_MAP:
            var object = JSONObject()
            for _ in 0..<data.data_size {
                guard let keyNode = cursor else { break }
                let key = text(keyNode.pointee.entry_data)
                cursor = keyNode.pointee.next
                let value = decode(&cursor)
                if let key, let value { object[key] = value }
            }
            return .object(object)
        case MMDB_DATA_TYPE_ARRAY:
            var elements: [JSONValue] = []
            for _ in 0..<data.data_size {
                if let element = decode(&cursor) { elements.append(element) }
            }
            return .array(elements)
        case MMDB_DATA_TYPE_UTF8_STRING:
            return text(data).map(JSONValue.string)
        case MMDB_DATA_TYPE_DOUBLE: return .number("\(data.double_value)")
        case MMDB_DATA_TYPE_FLOAT: return .number("\(data.float_value)")
        case MMDB_DATA_TYPE_UINT16: return .number("\(data.uint16)")
        case MMDB_DATA_TYPE_UINT32: return .number("\(data.uint32)")
        case MMDB_DATA_TYPE_INT32: return .number("\(data.int32)")
        case MMDB_DATA_TYPE_UINT64: return .number("\(data.uint64)")
        case MMDB_DATA_TYPE_BOOLEAN: return .bool(data.boolean)
        default:
            // Bytes and 128-bit integers: no field the geoip processor writes has them.
            return nil
        }
    }

    /// A UTF-8 string entry's text (not NUL-terminated: its length is `data_size`).
    private static func text(_ data: MMDB_entry_data_s) -> String? {
        guard Int32(data.type) == MMDB_DATA_TYPE_UTF8_STRING, let start = data.utf8_string else { return nil }
        let bytes = UnsafeRawBufferPointer(start: start, count: Int(data.data_size))
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func describe(_ status: Int32) -> String {
        guard let message = MMDB_strerror(status) else { return "libmaxminddb error \(status)" }
        return String(cString: message)
    }
}
