"""Fine-tunes MiniLM contrastively on (question, evidence sentence) pairs from train.jsonl.

Each answerable question is paired with the sentence of its source file that holds its evidence (the first
one, if the evidence runs over several; sentences split simply, after ., ? or ! and a space, and at line
breaks). The loss is the multiple-negatives ranking loss (cross-entropy over cosines times a scale of 20):
a question's candidates are every positive of the batch (in-batch negatives) plus one hard negative per
question, drawn afresh each epoch from the other sentences of the same file within 3,000 characters of the
evidence. Sentences that are some other question's positive in the batch with the same text, or that overlap
the question's own evidence, are not counted as negatives. The holdout files are never read.

With --none-weight W > 0 the unanswerable questions (`kind: none`) are used too: before training, the base
model ranks the sentences of each one's `near_file`, and each epoch one of its --none-top best is drawn. A
hinge term, W * scale * mean(relu(cos(question, drawn sentence) - (mean positive cosine of the batch - 
--none-margin))), pushes such a question below the batch's answerable questions' typical cosine to their
evidence. Each step takes an equal share of them alongside its batch of answerable questions.

With --validation the model trains on train.jsonl without its validation slice (common.split_train: the
questions on about 15 % of its essays, and about 15 % of its unanswerable questions), no sentence of the
slice's candidates (within 2,000 characters of a validation question's evidence) is used as a negative, and
the script prints hit@1, MRR and answerability AUC on the slice before training and after each epoch.

    python3 train.py --validation --epochs 5 --out /tmp/footnote-reader/validation.pt
    python3 train.py --epochs 4 --out /tmp/footnote-reader/reader.pt
"""
import argparse
import json
import math
import os
import random
import time

import torch
import torch.nn.functional as F

import common
from minilm import load_onnx
from wordpiece import WordPiece


def build_examples(rows, essays, margin, min_chars, excluded, context):
    examples = []
    for row, essay, spans in common.answerable(rows, essays):
        name = row["source_file"]
        start, end = spans[0]
        own = set(i for s, e in spans for i in essay.overlapping(s, e))
        positive = essay.overlapping(start, end)[0]
        hard = [i for i in essay.within(start, end, margin)
                if i not in own and len(essay.sentences[i][2]) >= min_chars and (name, i) not in excluded]
        if context:
            lo, hi = max(0, positive - context), min(len(essay.sentences), positive + context + 1)
            text = " ".join(essay.sentences[i][2] for i in range(lo, hi))
        else:
            text = essay.sentences[positive][2]
        examples.append({"question": row["question"], "positive": text,
                         "hard": [essay.sentences[i][2] for i in hard], "group": row.get("group")})
    return examples


def build_unanswerable(model, tokenizer, rows, essays, top, min_chars, excluded, cache):
    """For each unanswerable row with a near_file: the `top` sentences of that file the model ranks highest."""
    nones = [r for r in rows if r.get("kind") == "none" and r.get("near_file")]
    if not nones:
        return []
    files = sorted({r["near_file"] for r in nones})
    for f in files:
        common.essay(essays, f)
    common.sentence_vectors(model, tokenizer, essays,
                            [(f, i) for f in files for i in range(len(essays[f].sentences))], cache)
    questions = common.encode(model, tokenizer, [r["question"] for r in nones])
    out = []
    for qv, row in zip(questions, nones):
        f = row["near_file"]
        sentences = essays[f].sentences
        sims = torch.stack([cache[(f, i)] for i in range(len(sentences))]) @ qv
        best = [i for i in sims.argsort(descending=True).tolist()
                if len(sentences[i][2]) >= min_chars and (f, i) not in excluded][:top]
        out.append({"question": row["question"], "near": [sentences[i][2] for i in best]})
    return out


def loss_of(model, tokenizer, batch, nones, args):
    questions = [ex["question"] for ex in batch] + [n["question"] for n in nones]
    positives = [ex["positive"] for ex in batch]
    candidates = positives + [ex["chosen_hard"] for ex in batch] + [n["chosen"] for n in nones]

    def vectors(texts):
        ids, mask = tokenizer.batch(texts, max_length=args.max_length)
        return model.embed(torch.tensor(ids), torch.tensor(mask))

    q = vectors(questions)
    c = vectors(candidates)
    b = len(batch)
    qa, ca = q[:b], c[:2 * b]
    scores = args.scale * qa @ ca.t()
    # a candidate with the same text as the question's positive is not a negative
    same = torch.tensor([[cand == pos for cand in candidates[:2 * b]] for pos in positives])
    same[torch.arange(b), torch.arange(b)] = False
    scores = scores.masked_fill(same, float("-inf"))
    loss = F.cross_entropy(scores, torch.arange(b))
    typical = (qa * ca[:b]).sum(-1).mean().detach()
    stats = {"positive": float(typical)}
    if nones:
        near = (q[b:] * c[2 * b:]).sum(-1)
        loss = loss + args.none_weight * args.scale * F.relu(near - (typical - args.none_margin)).mean()
        stats["near"] = float(near.mean())
        stats["active"] = float((near > typical - args.none_margin).float().mean())
    return loss, stats


def report(label, m, began):
    auc = f" AUC {m['auc']:.3f}" if m.get("auc") is not None else ""
    cosines = (f"; median cosine to the evidence {m['evidence_cosine']:.3f}, best in file answerable "
               f"{m['best_cosine_answerable']:.3f} unanswerable {m['best_cosine_unanswerable']:.3f}"
               if m.get("auc") is not None else "")
    print(f"{label}: validation hit@1 {m['hit1']:.3f} MRR {m['mrr']:.3f}{auc} "
          f"({m['questions']} questions{cosines}; {time.time() - began:.0f} s)", flush=True)


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
    parser.add_argument("--none-weight", type=float, default=0.0,
                        help="weight of the unanswerable questions' hinge term (0: not used)")
    parser.add_argument("--none-margin", type=float, default=0.1)
    parser.add_argument("--none-top", type=int, default=3,
                        help="an unanswerable question's negative is drawn from this many best sentences")
    parser.add_argument("--context", type=int, default=0,
                        help="the positive text is the evidence sentence with this many neighbours each side")
    parser.add_argument("--validation", action="store_true",
                        help="train without the validation slice and measure it after each epoch")
    parser.add_argument("--without-fold", type=int, choices=range(1, common.FOLDS + 1),
                        help="with --validation, train without this cross-fitting fold too (common.split_folds)")
    parser.add_argument("--log-json", help="write the per-epoch validation figures to this file")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default=os.path.join(common.MODEL_DIR, "reader.pt"))
    args = parser.parse_args()

    common.setup_torch()
    common.unpack_artifact()
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    began = time.time()
    tokenizer = WordPiece(common.TOKENIZER)
    model = load_onnx(common.ONNX)
    essays = {}
    rows = common.rows_of("train")
    validation, excluded = [], set()
    if args.validation:
        rows, validation = common.split_train(rows)
        excluded = {(f, i) for _, f, cands, _ in common.ranking_tasks(validation, essays) for i in cands}
        if args.without_fold:
            left_out = common.split_folds(rows)[args.without_fold]
            rows = [r for r in rows if r not in left_out]
            excluded |= {(f, i) for _, f, cands, _ in common.ranking_tasks(left_out, essays) for i in cands}
            print(f"cross-fitting: fold {args.without_fold} ({len(left_out)} questions) left out")
    examples = build_examples(rows, essays, args.margin, args.min_chars, excluded, args.context)
    print(f"{len(examples)} training pairs from {len(rows)} questions of train.jsonl"
          + (f" ({len(validation)} in the validation slice left out)" if args.validation else "")
          + f"; hard negatives per pair: median {sorted(len(e['hard']) for e in examples)[len(examples) // 2]}")

    base_cache = {}
    nones = []
    if args.none_weight > 0:
        nones = build_unanswerable(model, tokenizer, rows, essays, args.none_top, args.min_chars, excluded,
                                   base_cache)
        print(f"{len(nones)} unanswerable questions, each against one of the {args.none_top} sentences of its "
              f"near file the base model ranks highest ({time.time() - began:.0f} s)", flush=True)
    log = {"args": vars(args), "epochs": []}
    if args.validation:
        m = common.measure(model, tokenizer, validation, essays, base_cache)
        report("epoch 0 (base)", m, began)
        log["epochs"].append(dict(m, epoch=0))

    steps_per_epoch = (len(examples) + args.batch - 1) // args.batch
    total = steps_per_epoch * args.epochs
    warmup = max(1, int(total * args.warmup))
    per_step = math.ceil(len(nones) / steps_per_epoch) if nones else 0
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: (s + 1) / warmup if s < warmup else max(0.0, (total - s) / (total - warmup)))

    model.train()
    trained = time.time()
    step = 0
    for epoch in range(args.epochs):
        random.shuffle(examples)
        for ex in examples:
            ex["chosen_hard"] = random.choice(ex["hard"]) if ex["hard"] else ex["positive"]
        if nones:
            random.shuffle(nones)
            for n in nones:
                n["chosen"] = random.choice(n["near"])
        losses, seen = [], []
        for k, s in enumerate(range(0, len(examples), args.batch)):
            batch = examples[s:s + args.batch]
            loss, stats = loss_of(model, tokenizer, batch, nones[k * per_step:(k + 1) * per_step], args)
            seen.append(stats)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            step += 1
            losses.append(loss.item())
            if step % 10 == 0:
                recent = seen[-10:]
                cosines = " ".join(f"{key} {sum(x[key] for x in recent if key in x) / len(recent):.3f}"
                                   for key in ("positive", "near", "active") if key in recent[-1])
                print(f"epoch {epoch + 1} step {step}/{total} loss {sum(losses[-10:]) / len(losses[-10:]):.4f} "
                      f"(cosine {cosines}; {time.time() - began:.0f} s)", flush=True)
        print(f"epoch {epoch + 1}: mean loss {sum(losses) / len(losses):.4f} ({time.time() - began:.0f} s)",
              flush=True)
        if args.validation:
            m = common.measure(model, tokenizer, validation, essays)
            report(f"epoch {epoch + 1}", m, began)
            log["epochs"].append(dict(m, epoch=epoch + 1, loss=sum(losses) / len(losses)))
            model.train()

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    torch.save(model.state_dict(), args.out)
    log["seconds"] = round(time.time() - began)
    print(f"trained {total} steps in {time.time() - trained:.0f} s ({time.time() - began:.0f} s in all); "
          f"state dict saved to {args.out}")
    if args.log_json:
        with open(args.log_json, "w", encoding="utf-8") as f:
            json.dump(log, f, indent=1)


if __name__ == "__main__":
    main()
