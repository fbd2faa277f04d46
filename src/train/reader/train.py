"""Fine-tunes MiniLM contrastively on (question, evidence sentence) pairs from train.jsonl.

Each answerable question is paired with the sentence of its source file that holds its evidence (the first
one, if the evidence runs over several; sentences split simply, after ., ? or ! and a space, and at line
breaks). The loss is the multiple-negatives ranking loss (cross-entropy over cosines times a scale of 20):
a question's candidates are every positive of the batch (in-batch negatives) plus one hard negative per
question, drawn afresh each epoch from the other sentences of the same file within 3,000 characters of the
evidence. Sentences that are some other question's positive in the batch with the same text, or that overlap
the question's own evidence, are not counted as negatives. `kind: none` questions have no positive and are
not used. The holdout files are never read.

    python3 train.py --epochs 2 --out /tmp/footnote-reader/reader.pt
"""
import argparse
import os
import random
import time

import torch
import torch.nn.functional as F

import common
from minilm import load_onnx
from wordpiece import WordPiece


def build_examples(margin, min_chars):
    essays = {}
    rows = common.read_jsonl(os.path.join(common.SPLITS, "train.jsonl"))
    examples = []
    for row, essay, spans in common.answerable(rows, essays):
        start, end = spans[0]
        own = set(i for s, e in spans for i in essay.overlapping(s, e))
        positive = essay.overlapping(start, end)[0]
        hard = [i for i in essay.within(start, end, margin)
                if i not in own and len(essay.sentences[i][2]) >= min_chars]
        examples.append({"question": row["question"], "positive": essay.sentences[positive][2],
                         "hard": [essay.sentences[i][2] for i in hard], "group": row.get("group")})
    return examples, len(rows)


def loss_of(model, tokenizer, batch, scale, max_length):
    questions = [ex["question"] for ex in batch]
    positives = [ex["positive"] for ex in batch]
    hards = [ex["chosen_hard"] for ex in batch]
    candidates = positives + hards

    def vectors(texts):
        ids, mask = tokenizer.batch(texts, max_length=max_length)
        return model.embed(torch.tensor(ids), torch.tensor(mask))

    q = vectors(questions)
    c = vectors(candidates)
    scores = scale * q @ c.t()
    # a candidate with the same text as the question's positive is not a negative
    same = torch.tensor([[cand == pos for cand in candidates] for pos in positives])
    same[torch.arange(len(batch)), torch.arange(len(batch))] = False
    scores = scores.masked_fill(same, float("-inf"))
    return F.cross_entropy(scores, torch.arange(len(batch)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=3e-5)
    parser.add_argument("--scale", type=float, default=20.0)
    parser.add_argument("--warmup", type=float, default=0.1, help="share of the steps with a rising rate")
    parser.add_argument("--margin", type=int, default=3000, help="hard negatives within this many characters")
    parser.add_argument("--min-chars", type=int, default=20, help="shortest sentence used as a hard negative")
    parser.add_argument("--max-length", type=int, default=128)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default=os.path.join(common.MODEL_DIR, "reader.pt"))
    args = parser.parse_args()

    common.setup_torch()
    common.unpack_artifact()
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    tokenizer = WordPiece(common.TOKENIZER)
    model = load_onnx(common.ONNX)
    examples, rows = build_examples(args.margin, args.min_chars)
    print(f"{len(examples)} training pairs from {rows} questions in train.jsonl; "
          f"hard negatives per pair: median {sorted(len(e['hard']) for e in examples)[len(examples) // 2]}")

    steps_per_epoch = (len(examples) + args.batch - 1) // args.batch
    total = steps_per_epoch * args.epochs
    warmup = max(1, int(total * args.warmup))
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: (s + 1) / warmup if s < warmup else max(0.0, (total - s) / (total - warmup)))

    model.train()
    began = time.time()
    step = 0
    for epoch in range(args.epochs):
        random.shuffle(examples)
        for ex in examples:
            ex["chosen_hard"] = random.choice(ex["hard"]) if ex["hard"] else ex["positive"]
        losses = []
        for s in range(0, len(examples), args.batch):
            batch = examples[s:s + args.batch]
            loss = loss_of(model, tokenizer, batch, args.scale, args.max_length)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            step += 1
            losses.append(loss.item())
            if step % 10 == 0:
                print(f"epoch {epoch + 1} step {step}/{total} loss {sum(losses[-10:]) / len(losses[-10:]):.4f} "
                      f"({time.time() - began:.0f} s)", flush=True)
        print(f"epoch {epoch + 1}: mean loss {sum(losses) / len(losses):.4f} ({time.time() - began:.0f} s)",
              flush=True)

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    torch.save(model.state_dict(), args.out)
    print(f"trained {total} steps in {time.time() - began:.0f} s; state dict saved to {args.out}")


if __name__ == "__main__":
    main()
