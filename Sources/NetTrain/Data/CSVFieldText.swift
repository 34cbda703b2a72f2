/// The text of CSV fields: quotes undone, checked as UTF-8.
enum CSVFieldText {

  /// The bytes of a field with each doubled quote made single.
  static func text(
    of field: CSVScanner.Field, in bytes: UnsafeBufferPointer<UInt8>
  ) -> [UInt8] {
    let raw = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
    return field.hasDoubledQuotes ? unescaped(raw) : Array(raw)
  }

  /// The text of `bytes`, or nil when they are not valid UTF-8. (`String(validating:as:)`
  /// would do, but needs macOS 15.)
  static func utf8String(_ bytes: some Collection<UInt8>) -> String? {
    if !bytes.allSatisfy({ $0 < 0x80 }) {
      var decoder = UTF8()
      var iterator = bytes.makeIterator()
      decoding: while true {
        switch decoder.decode(&iterator) {
        case .scalarValue: continue
        case .emptyInput: break decoding
        case .error: return nil
        }
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func unescaped(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var text: [UInt8] = []
    text.reserveCapacity(raw.count)
    var skipsQuote = false
    for byte in raw {
      if skipsQuote {
        skipsQuote = false
        continue
      }
      text.append(byte)
      skipsQuote = byte == CSVScanner.quote
    }
    return text
  }
}
