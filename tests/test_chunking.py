from assistant.chunking import merge_spans, split_spans
from assistant.settings import ChunkingSettings

PARAGRAPH = ("Đến nay, toàn tỉnh đã xây dựng, nhân rộng, duy trì hoạt động gần 2.250 mô hình quần chúng "
             "về bảo vệ an ninh Tổ quốc ở cơ sở. Các mô hình đã góp phần quan trọng.")


def test_every_chunk_is_an_exact_slice_even_when_text_repeats():
    text = f"Tiêu đề\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\nKết thúc. {PARAGRAPH}"
    spans = split_spans(text, [(0, len(text))], ChunkingSettings(chunk_size=120, chunk_overlap=30))
    starts = [s.start for s in spans]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    # the repeated paragraph is cited at each of its three places, not three times at the first
    occurrences = [i for i in range(len(text)) if text.startswith(PARAGRAPH[:40], i)]
    chunk_starts_of_repeat = [s.start for s in spans if text[s.start:s.end].startswith(PARAGRAPH[:40])]
    assert chunk_starts_of_repeat == occurrences
    for span in spans:
        assert text[span.start:span.end].strip() == text[span.start:span.end]
        assert span.end - span.start <= 120


def test_chunks_stay_inside_content_spans():
    text = "DetailController\n\nNội dung thứ nhất.\n\n357 lượt xem\n\nNội dung thứ hai."
    first = text.index("Nội dung thứ nhất.")
    second = text.index("Nội dung thứ hai.")
    spans = split_spans(text, [(first, first + 18), (second, len(text))], ChunkingSettings())
    assert [text[s.start:s.end] for s in spans] == ["Nội dung thứ nhất.", "Nội dung thứ hai."]


def test_merge_spans_joins_only_across_whitespace():
    text = "a b\n\nc d xx e"
    assert merge_spans(text, [(0, 3), (5, 8), (11, 13)]) == [(0, 8), (11, 13)]
