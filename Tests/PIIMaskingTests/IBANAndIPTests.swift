import PIIMasking
import Testing

@Suite("IBAN and IP detectors")
struct IBANAndIPTests {
    static let ibans: [DetectionCase] = [
        .init("IBAN DE89 3704 0044 0532 0130 00, thanks", "IBAN:DE89 3704 0044 0532 0130 00"),
        .init("GB82WEST12345698765432", "IBAN:GB82WEST12345698765432"),
        .init("GB82 WEST 1234 5698 7654 32", "IBAN:GB82 WEST 1234 5698 7654 32"),
        .init("fr1420041010050500013m02606", "IBAN:fr1420041010050500013m02606"),
        .init("NL91ABNA0417164300.", "IBAN:NL91ABNA0417164300"),
    ]

    static let notIBANs = [
        "DE89 3704 0044 0532 0130 01", "GB82WEST1234569876543", "XX82WEST12345698765432", "GB82WEST123456987654321",
    ]

    static let ips: [DetectionCase] = [
        .init("from 192.168.0.1", "IP:192.168.0.1"),
        .init("8.8.8.8:53", "IP:8.8.8.8"),
        .init("host 10.0.0.255.", "IP:10.0.0.255"),
        .init("2001:db8::8a2e:370:7334", "IP:2001:db8::8a2e:370:7334"),
        .init("2001:0db8:85a3:0000:0000:8a2e:0370:7334", "IP:2001:0db8:85a3:0000:0000:8a2e:0370:7334"),
        .init("loopback ::1 and fe80::1", "IP:::1", "IP:fe80::1"),
        .init("::ffff:192.0.2.128", "IP:::ffff:192.0.2.128"),
    ]

    static let notIPs = [
        "version 1.2.3.4", "v1.2.3.4", "256.1.1.1", "1.2.3", "1.2.3.4.5", "01.02.03.04", "at 10:30:45",
        "00:1A:2B:3C:4D:5E", "std::vector", "a::b", "ratio 3:2",
    ]

    @Test(arguments: ibans)
    func findsIBAN(_ row: DetectionCase) {
        #expect(found(row.text) == row.expected)
    }

    @Test(arguments: notIBANs)
    func refusesBadIBAN(_ text: String) {
        #expect(found(text).filter { $0.hasPrefix("IBAN") }.isEmpty)
    }

    @Test(arguments: ips)
    func findsIP(_ row: DetectionCase) {
        #expect(found(row.text) == row.expected)
    }

    @Test(arguments: notIPs)
    func ignoresNonIP(_ text: String) {
        #expect(found(text).isEmpty)
    }
}
