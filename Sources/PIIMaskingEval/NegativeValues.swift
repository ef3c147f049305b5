import SeededRandom

/// Look-alikes that must stay in clear: prices, dates, times, coupons, SKUs, versions, ZIPs on their own…
enum NegativeValues {
    static func value(_ kind: NegativeKind, _ rng: inout SplitMix64) -> String {
        switch kind {
        case .price: price(&rng)
        case .quantity:
            rng.pick(["2 x 250 ml", "3 lattes", "a 12 pack", "500 g", "x2", "6 muffins", "1 dozen", "2 large"])
        case .percentage: rng.pick(["15%", "20 %", "12.5%", "50% off", "100%", "7%"])
        case .date: date(&rng)
        case .time:
            rng.pick([
                "14:30", "2:30pm", "09:15:00", "9.30am", "18:45", "7 pm", "23:59", "10:00-18:00", "9:30", "7:30-9:30",
                "9:30 am",
            ])
        case .coupon:
            rng.pick(["WARM15", "SAVE20", "BOGO2026", "XMAS-25", "WELCOME10", "FREESHIP", "LATTE50", "HOT-DRINK-15"])
        case .sku: sku(&rng)
        case .version:
            rng.pick([
                "2.3.1", "v10.15.7", "iOS 17.4.1", "version 1.2.3.4", "app 4.12", "Android 14", "build 2026.11.3",
                "v2.0.0-beta.1", "Windows 10.0.19045.3693",
            ])
        case .zip: rng.pick(["10001", "94103", "SW1A 1AA", "560034", "75001", "2000", "M5V 2T6", "80331"])
        case .shopPhone: ""  // filled by the generator, which also puts it on the allow-list
        case .invalidCard: NumberValues.card(&rng, valid: false)
        case .orderNumber: orderNumber(&rng)
        case .barcode: ean13(&rng)
        case .tracking:
            rng.pick([
                "1Z999AA1\(rng.digits(10))", "TBA\(rng.digits(12))", "9400\(rng.digits(18))", "JD\(rng.digits(18))",
                "tracking 9400 \(rng.digits(4)) \(rng.digits(4)) \(rng.digits(4)) \(rng.digits(4)) \(rng.digits(2))",
                "1Z 999 AA1 \(rng.digits(2)) \(rng.digits(4)) \(rng.digits(4))",
            ])
        case .otherNumber:
            rng.pick([
                "table 12", "gate 4", "12,500 points", "1,000,000", "year 2026", "room 204", "flight BA 283", "aisle 7",
                "ISBN 978-3-16-148410-0", "51.5074, -0.1278", "orders 1000-2000", "case 2026-000123", "score 10-12",
                "Nov 2, 2026", "loyalty number 1234 5678 9012",
            ])
        case .fraction, .walk, .size, .year, .orderLine: ChatNegatives.value(kind, &rng)
        }
    }

    static func price(_ rng: inout SplitMix64) -> String {
        let amount = "\(rng.int(1...99)).\(rng.digits(2))"
        return rng.pick([
            "£\(amount)", "$\(amount)", "€\(String(amount.map { $0 == "." ? "," : $0 }))", "₹\(rng.int(49...2999))",
            "\(rng.int(1...9)),\(rng.digits(3)).00 USD", "Rs. \(rng.int(1...9)),\(rng.digits(3))",
            "$1,\(rng.digits(3)).99",
            "€1.\(rng.digits(3)),\(rng.digits(2))", "\(rng.int(2...40)) EUR", "\(rng.int(1...9)) \(rng.digits(3)) €",
        ])
    }

    static func date(_ rng: inout SplitMix64) -> String {
        let day = rng.int(1...28)
        let month = rng.int(1...12)
        let d2 = day < 10 ? "0\(day)" : "\(day)"
        let m2 = month < 10 ? "0\(month)" : "\(month)"
        return rng.pick([
            "2026-\(m2)-\(d2)", "\(d2)/\(m2)/2026", "\(m2)/\(d2)/2026", "\(d2).\(m2).2026", "Nov \(day), 2026",
            "\(day) Nov 2026", "\(d2)-\(m2)-2026", "2026/\(m2)/\(d2)", "\(day).\(month).26",
        ])
    }

    static func sku(_ rng: inout SplitMix64) -> String {
        rng.pick([
            "SKU \(rng.int(1...9))\(rng.digits(9))", "SKU-\(rng.digits(8))", "item #\(rng.digits(10))",
            "SKU: \(rng.int(2...9))\(rng.digits(9))", "product code \(rng.digits(10))",
            "SKU \(rng.digits(3))-\(rng.digits(3))-\(rng.digits(4))",
        ])
    }

    static func orderNumber(_ rng: inout SplitMix64) -> String {
        rng.pick([
            "order #\(rng.digits(8))", "order no. \(rng.int(2...9))\(rng.digits(9))",
            "order number \(rng.int(2...9))\(rng.digits(2))-\(rng.digits(3))-\(rng.digits(4))",
            "invoice \(rng.digits(10))", "ref \(rng.int(6...9))\(rng.digits(9))", "#\(rng.int(2...9))\(rng.digits(9))",
        ])
    }

    /// A valid EAN-13 (which may also pass Luhn: it must still stay a barcode).
    static func ean13(_ rng: inout SplitMix64) -> String {
        let prefix = rng.pick(["400", "401", "50", "87", "890", "590"])
        var digits = prefix.map { Int(String($0))! }
        while digits.count < 12 { digits.append(rng.below(10)) }
        var sum = 0
        for (index, digit) in digits.enumerated() { sum += digit * (index % 2 == 0 ? 1 : 3) }
        digits.append((10 - sum % 10) % 10)
        return "barcode " + digits.map(String.init).joined()
    }
}
