"""Checks that minilm.py and wordpiece.py reproduce the product's vectors.

The reference is the product's own index: `passage_embedding` holds each passage window's text exactly as the
encoder read it (the essay title, then the window's sentences) with the vector ONNX Runtime computed for it.
The script takes a sample of windows (the longest ones too, which the model cuts at 128 tokens), confirms each
stored text is the embedded one (its `text_hash` is sha256 of the model name, a line break and the text),
embeds them one by one and in one padded batch, and prints the cosine to the stored vectors.

    python3 check_parity.py [--count 40] [--min-cosine 0.9999]
"""
import argparse
import csv
import hashlib
import io
import os
import subprocess
import sys

import torch

import common
from minilm import load_onnx
from wordpiece import WordPiece


def stored_windows(count):
    env = dict(os.environ, PGPASSWORD=os.environ.get("PGPASSWORD", "footnote"))
    half = count // 2
    sql = (f"COPY (SELECT * FROM ((SELECT text, text_hash, embedding::text FROM passage_embedding "
           f"ORDER BY md5(embedding_id::text) LIMIT {count - half}) UNION ALL "
           f"(SELECT text, text_hash, embedding::text FROM passage_embedding "
           f"ORDER BY length(text) DESC LIMIT {half})) s) TO STDOUT WITH CSV")
    out = subprocess.run(["psql", "-h", os.environ.get("PGHOST", "127.0.0.1"),
                          "-p", os.environ.get("PGPORT", "55432"), "-U", "footnote", "-d", "footnote",
                          "-c", sql], env=env, check=True, capture_output=True, text=True).stdout
    rows = []
    for text, text_hash, vector in csv.reader(io.StringIO(out)):
        rows.append((text, text_hash, torch.tensor([float(x) for x in vector.strip("[]").split(",")])))
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--min-cosine", type=float, default=0.9999)
    parser.add_argument("--model-name", default="all-MiniLM-L6-v2")
    args = parser.parse_args()
    common.setup_torch()
    common.unpack_artifact()
    tokenizer = WordPiece(common.TOKENIZER)
    model = load_onnx(common.ONNX).eval()
    rows = stored_windows(args.count)
    hashes_ok = sum(hashlib.sha256(f"{args.model_name}\n{t}".encode()).hexdigest() == h for t, h, _ in rows)
    texts = [t for t, _, _ in rows]
    reference = torch.stack([v for _, _, v in rows])
    with torch.no_grad():
        single = torch.cat([model.embed(*map(lambda x: torch.tensor(x), tokenizer.batch([t]))) for t in texts])
        ids, mask = tokenizer.batch(texts)
        batched = model.embed(torch.tensor(ids), torch.tensor(mask))
    cos_single = (single * torch.nn.functional.normalize(reference, dim=-1)).sum(-1)
    cos_batched = (batched * torch.nn.functional.normalize(reference, dim=-1)).sum(-1)
    cut = sum(len(tokenizer.pieces(t)) + 2 > tokenizer.max_length for t in texts)
    print(f"windows: {len(rows)} ({cut} longer than {tokenizer.max_length} tokens, cut); "
          f"stored text is the embedded text for {hashes_ok}/{len(rows)}")
    for name, cos in (("one by one", cos_single), ("one padded batch", cos_batched)):
        print(f"{name:>17}: cosine min {cos.min():.7f}  mean {cos.mean():.7f}  max {cos.max():.7f}  "
              f"max |diff| {(single if name == 'one by one' else batched).sub(reference).abs().max():.2e}")
    worst = int(cos_single.argmin())
    print(f"worst window ({cos_single[worst]:.7f}): {texts[worst][:100]!r}")
    ok = min(cos_single.min(), cos_batched.min()) >= args.min_cosine and hashes_ok == len(rows)
    print("PARITY OK" if ok else "PARITY FAILED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
