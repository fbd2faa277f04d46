"""Writes the reader's vectors for a few fixed sentences, as PyTorch computes them from a trained state dict,
to the test resource that checks the shipped ONNX file against them (`ShippedReaderTest`).

    python3 reference_vectors.py MODEL.pt [OUT.json]
"""
import argparse
import json
import os

import common
from minilm import load
from wordpiece import WordPiece

SENTENCES = [
    "When was Firecracker first released?",
    "Susan Kare designed the card faces.",
    "The average duration of an enterprise IT project is 2.4 years in the private sector.",
    "How do coding agents decide which tool to call next?",
    "It was a cold morning, and the kettle had not yet boiled.",
]
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "test", "resources", "reader", "reference-vectors.json")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("out", nargs="?", default=OUT)
    args = parser.parse_args()
    common.setup_torch()
    common.unpack_artifact()
    vectors = common.encode(load(args.model), WordPiece(common.TOKENIZER), SENTENCES)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    entries = [json.dumps({"text": t, "vector": [round(float(x), 6) for x in v]}) for t, v in zip(SENTENCES, vectors)]
    with open(args.out, "w", encoding="utf-8") as f:
        f.write('{"model": %s,\n "vectors": [\n  %s\n ]}\n' % (json.dumps(os.path.basename(args.model)),
                                                          ",\n  ".join(entries)))
    print(f"wrote {len(SENTENCES)} reference vectors to {args.out}")


if __name__ == "__main__":
    main()
