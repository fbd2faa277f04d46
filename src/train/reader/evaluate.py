"""Ranks evidence sentences for the held-out questions with the base model and trained ones.

For each answerable question of holdout-questions.jsonl (questions held out from essays that training saw)
and holdout-essays.jsonl (essays that no training question touches), the candidates are the sentences of its
source file lying wholly within 2,000 characters of its evidence; a sentence overlapping the evidence (or
`evidence2`) is a positive. Candidates are ranked by the cosine of their vector with the question's; the
script prints hit@1 (a positive ranked first) and MRR (of the best-ranked positive) per model and split.
Most held-out questions of holdout-questions.jsonl ask about a sentence that is also some training question's
positive (paraphrases of one question were split apart), so the script also scores the ones whose evidence
sentence no training question uses ("unseen"); holdout-essays.jsonl shares no sentence with training.

    python3 evaluate.py [--model /tmp/footnote-reader/reader.pt ...]

The base model is always the shipped ONNX file; each --model is a state dict saved by train.py (or another
ONNX file, such as export.py writes).
"""
import argparse
import os

import torch

import common
from minilm import load
from wordpiece import WordPiece

SPLITS = ("holdout-questions.jsonl", "holdout-essays.jsonl")
UNSEEN = "holdout-questions unseen"


def tasks(split, margin, essays):
    rows = common.read_jsonl(os.path.join(common.SPLITS, split))
    out = []
    for row, essay, spans in common.answerable(rows, essays):
        start, end = spans[0]
        candidates = essay.within(start, end, margin)
        positives = set(i for s, e in spans for i in essay.overlapping(s, e))
        candidates = sorted(set(candidates) | positives)
        out.append((row["question"], essay, candidates, positives))
    return out


def training_positives(essays):
    """(essay text id, sentence index) of every training question's evidence sentences."""
    rows = common.read_jsonl(os.path.join(common.SPLITS, "train.jsonl"))
    return {(id(essay), i) for _, essay, spans in common.answerable(rows, essays)
            for s, e in spans for i in essay.overlapping(s, e)}


def score(model, tokenizer, task_list, cache):
    hits, rr = 0, 0.0
    sentences = sorted({(id(essay), i) for _, essay, cands, _ in task_list for i in cands} - set(cache))
    lookup = {id(essay): essay for _, essay, _, _ in task_list}
    if sentences:
        vecs = common.encode(model, tokenizer, [lookup[k].sentences[i][2] for k, i in sentences])
        cache.update(zip(sentences, vecs))
    questions = common.encode(model, tokenizer, [q for q, _, _, _ in task_list])
    for qv, (_, essay, cands, positives) in zip(questions, task_list):
        sims = torch.stack([cache[(id(essay), i)] for i in cands]) @ qv
        order = [cands[j] for j in sims.argsort(descending=True).tolist()]
        rank = next(r for r, i in enumerate(order, 1) if i in positives)
        hits += rank == 1
        rr += 1.0 / rank
    n = len(task_list)
    return hits / n, rr / n


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", action="append", default=[], help="a trained state dict (repeatable)")
    parser.add_argument("--margin", type=int, default=2000)
    args = parser.parse_args()
    common.setup_torch()
    common.unpack_artifact()
    tokenizer = WordPiece(common.TOKENIZER)
    essays = {}
    splits = {split: tasks(split, args.margin, essays) for split in SPLITS}
    seen = training_positives(essays)
    splits[UNSEEN] = [t for t in splits[SPLITS[0]] if not any((id(t[1]), i) in seen for i in t[3])]
    for split, t in splits.items():
        mean = sum(len(c) for _, _, c, _ in t) / len(t)
        print(f"{split}: {len(t)} answerable questions, {mean:.0f} candidate sentences each on average")
    names = ["base (shipped ONNX)"] + args.model
    header = f"{'model':<40}" + "".join(f"{s.replace('.jsonl', ''):>28}" for s in splits)
    print(header)
    print(f"{'':<40}" + "".join(f"{'hit@1':>16}{'MRR':>12}" for _ in splits))
    for name, path in zip(names, [common.ONNX] + args.model):
        model = load(path).eval()
        cache = {}
        cells = []
        for split in splits:
            hit, mrr = score(model, tokenizer, splits[split], cache)
            cells.append(f"{hit:>16.3f}{mrr:>12.3f}")
        print(f"{os.path.basename(name)[:40]:<40}" + "".join(cells), flush=True)


if __name__ == "__main__":
    main()
