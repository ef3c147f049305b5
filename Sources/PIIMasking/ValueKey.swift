/// Normalised values: two spans with the same type and key are the same value and share a placeholder.
///
/// e-mail: lower case · phone: digits ("+"/"00" and "(0)" trunk marks dropped), extension kept apart ·
/// card: digits · IBAN: upper-case alphanumerics · IP: lower case · address and name: lower-case words with
/// street types canonicalised · order id: upper case.
enum ValueKey {
    static func of(_ type: PIIType, _ t: ByteText, _ start: Int, _ end: Int) -> String {
        switch type {
        case .email, .ip: return lowercased(t, start, end)
        case .phone: return phone(t, start, end)
        case .card: return filtered(t, start, end, Byte.isDigit)
        case .iban, .orderID:
            return String(decoding: filteredBytes(t, start, end, Byte.isAlnum).map(Byte.upper), as: UTF8.self)
        case .address: return words(t, start, end, canonical: true)
        case .name: return "n:" + words(t, start, end, canonical: false)
        }
    }

    static func of(_ type: PIIType, _ value: String) -> String {
        ByteText.with(value) { of(type, $0, 0, $0.count) }
    }

    static func email(_ value: String) -> String { of(.email, value) }
    static func phone(_ value: String) -> String { of(.phone, value) }
    static func address(_ value: String) -> String { of(.address, value) }
    static func name(_ value: String) -> String { of(.name, value) }

    private static func lowercased(_ t: ByteText, _ start: Int, _ end: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end - start)
        for index in start..<end { bytes.append(Byte.lower(t[index])) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func filteredBytes(_ t: ByteText, _ start: Int, _ end: Int, _ keep: (UInt8) -> Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        for index in start..<end where keep(t[index]) { bytes.append(t[index]) }
        return bytes
    }

    private static func filtered(_ t: ByteText, _ start: Int, _ end: Int, _ keep: (UInt8) -> Bool) -> String {
        String(decoding: filteredBytes(t, start, end, keep), as: UTF8.self)
    }

    private static func phone(_ t: ByteText, _ start: Int, _ end: Int) -> String {
        var main: [UInt8] = []
        var ext: [UInt8] = []
        var sawLetter = false  // digits after "ext"/"x" are the extension
        var index = start
        while index < end {
            let byte = t[index]
            if byte == Byte.lparen, t[index + 1] == 0x30, t[index + 2] == Byte.rparen, !main.isEmpty {
                index += 3  // "+44 (0)20…": the trunk mark is not part of the number
                continue
            }
            if Byte.isAlpha(byte) {
                sawLetter = true
            } else if Byte.isDigit(byte) {
                if sawLetter { ext.append(byte) } else { main.append(byte) }
            }
            index += 1
        }
        // "+44…" and "0044…" are the same digits; the plus itself is spelling, not value.
        if t[start] != Byte.plus, main.count > 10, main.starts(with: [0x30, 0x30]) { main.removeFirst(2) }
        let number = String(decoding: main, as: UTF8.self)
        return ext.isEmpty ? number : number + ";ext=" + String(decoding: ext, as: UTF8.self)
    }

    private static func words(_ t: ByteText, _ start: Int, _ end: Int, canonical: Bool) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end - start)
        var index = start
        while index < end {
            guard KnownTokens.isTokenByte(t[index]) else {
                index += 1
                continue
            }
            let wordStart = index
            while index < end, KnownTokens.isTokenByte(t[index]) { index += 1 }
            if !bytes.isEmpty { bytes.append(Byte.space) }
            if canonical, let short = StreetTypeCanon.shortForm(WordHash.of(t, wordStart, index)) {
                bytes.append(contentsOf: short.utf8)
            } else {
                for position in wordStart..<index { bytes.append(Byte.lower(t[position])) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
