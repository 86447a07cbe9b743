"""Every string the interface shows, in Vietnamese (the default) and English.

The library's input errors are English (the CLI's and the API's one line); ``error_text`` gives
them in the interface's language, so a Vietnamese page never shows an English message.
"""
from __future__ import annotations

import re

LANGUAGES = {"Tiếng Việt": "vi", "English": "en"}

TEXT: dict[str, dict[str, str]] = {
    "vi": {
        "title": "Trợ lý tra cứu báo cáo phong trào toàn dân bảo vệ an ninh Tổ quốc",
        "subtitle": "Câu trả lời chỉ trích từ các báo cáo đã nạp, mỗi ý có trích dẫn [n].",
        "tab_chat": "Hỏi đáp", "tab_reports": "Báo cáo", "tab_briefing": "Tài liệu tóm tắt",
        "tab_eval": "Đánh giá",
        "chat": "Hội thoại", "question": "Câu hỏi",
        "placeholder": "Ví dụ: Quảng Nam duy trì bao nhiêu mô hình? (gõ không dấu cũng được)",
        "send": "Hỏi", "clear": "Xoá hội thoại", "add_briefing": "Thêm vào tài liệu tóm tắt",
        "province": "Tỉnh", "year": "Năm", "all": "Tất cả",
        "examples": "Câu hỏi mẫu",
        "sources": "Nguồn trích dẫn", "related": "Đoạn liên quan (không phải câu trả lời)",
        "no_sources": "Chưa có nguồn nào. Hãy đặt một câu hỏi.",
        "open": "Xem toàn văn", "report_view": "Toàn văn báo cáo",
        "resolved": "hiểu là", "not_found": "Không có trong báo cáo",
        "answer_label": "Trả lời", "file": "Tệp", "page": "trang", "untitled": "(không có tiêu đề)",
        "reports_list": "Các báo cáo đã nạp", "upload": "Tải báo cáo lên",
        "upload_button": "Nạp vào chỉ mục", "delete_pick": "Chọn báo cáo để xoá", "delete": "Xoá báo cáo",
        "col_title": "Tiêu đề", "col_province": "Tỉnh", "col_date": "Ngày", "col_file": "Tệp",
        "col_chunks": "Số đoạn",
        "indexing": "Đang cập nhật chỉ mục…", "no_file": "Chưa chọn tệp nào.",
        "added": "Đã nạp", "removed": "Đã xoá", "refused": "Không nạp",
        "briefing_items": "Các ý đã chọn", "briefing_empty": "Chưa có ý nào. Dùng nút «Thêm vào tài liệu tóm tắt» ở tab Hỏi đáp.",
        "pick_item": "Chọn ý", "up": "Lên", "down": "Xuống", "remove": "Bỏ ý này",
        "export_md": "Tải Markdown", "export_docx": "Tải DOCX",
        "briefing_added": "Đã thêm vào tài liệu tóm tắt.", "briefing_nothing": "Chưa có câu trả lời nào để thêm.",
        "briefing_not_found": "Chỉ thêm được câu trả lời có trích dẫn.",
        "eval_file": "Tệp câu hỏi đánh giá (JSONL, để trống để dùng bộ mặc định)", "split": "Phần",
        "run_eval": "Chạy đánh giá", "eval_json": "Kết quả (JSON)", "failures": "Các câu sai",
        "no_failures": "Không có câu sai.",
        "held_out_failures": "{n} câu sai thuộc phần giữ riêng (transfer, cross): không liệt kê ở đây để không ai "
                             "chỉnh hệ thống theo chúng; chúng có trong tệp JSON.", "expected": "Đáp án", "got": "Trả lời",
        "language": "Ngôn ngữ",
        "tab_figures": "Số liệu",
        "district": "Huyện, xã", "kind": "Loại", "unit": "Đơn vị",
        "unit_placeholder": "mô hình · mo hinh · models", "filter": "Lọc",
        "kind_quantity": "Số lượng", "kind_person": "Người", "kind_date": "Ngày tháng",
        "kind_model": "Mô hình", "kind_document": "Văn bản",
        "scope_total": "toàn địa bàn", "scope_breakdown": "chi tiết", "scope_unknown": "",
        "col_n": "#", "col_district": "Huyện, xã", "col_period": "Kỳ", "col_scope": "Phạm vi",
        "col_kind": "Loại", "col_text": "Số liệu", "col_value": "Giá trị", "col_unit": "Đơn vị",
        "col_what": "Nội dung", "col_place": "Địa bàn", "col_cite": "Nguồn",
        "facts_table": "Số liệu (nhấn tiêu đề cột để sắp xếp, nhấn một dòng để xem đoạn trích)",
        "facts_count": "{n} số liệu khớp bộ lọc.", "facts_none": "Không có số liệu nào khớp bộ lọc.",
        "facts_hint": "Chọn bộ lọc rồi nhấn «Lọc».",
        "compare_unit": "Đơn vị để so sánh", "compare_none": "(không có số liệu định lượng)",
        "chart": "Biểu đồ so sánh", "chart_title": "So sánh: {unit}", "no_period": "không nêu kỳ",
        "export_csv": "Tải CSV", "export_xlsx": "Tải XLSX",
        "add_comparison": "Thêm bảng so sánh vào tài liệu tóm tắt",
        "comparison_nothing": "Chưa có số liệu định lượng nào để so sánh.",
        "comparison_title": "So sánh số liệu: {unit}", "figures_query": "Tra cứu số liệu",
        "any_filter": "mọi số liệu", "passage_view": "Đoạn trích trong báo cáo",
        "gone": "{source}: không còn trong chỉ mục",
        "metric_n": "Số câu", "metric_answer": "Trả lời đúng", "metric_evidence": "Tìm đúng bằng chứng",
        "metric_unanswerable": "Nhận ra câu không có đáp án",
        "metric_false": "Trả lời nhầm câu không có đáp án",
        "eval_splits": "Theo phần", "eval_tags": "Theo nhãn", "eval_all": "tất cả",
        "reliability": "Độ tin cậy: tỷ lệ trả lời đúng theo thập phân vị điểm tin cậy",
        "reliability_x": "thập phân vị điểm tin cậy (1 = thấp nhất)", "reliability_y": "tỷ lệ trả lời đúng",
        "answered": "câu đã trả lời",
        "login_note": "Sau {free} lần nhập sai mật khẩu, phải chờ một lúc mới thử lại được; mỗi lần sai tiếp theo thời gian chờ tăng gấp đôi.",
    },
    "en": {
        "title": "ANTQ report assistant",
        "subtitle": "Answers quote only the indexed reports; every claim is cited [n].",
        "tab_chat": "Ask", "tab_reports": "Reports", "tab_briefing": "Briefing", "tab_eval": "Evaluation",
        "chat": "Conversation", "question": "Question",
        "placeholder": "e.g. How many models did Quảng Nam maintain?",
        "send": "Ask", "clear": "Clear chat", "add_briefing": "Add to briefing",
        "province": "Province", "year": "Year", "all": "All",
        "examples": "Example questions",
        "sources": "Cited sources", "related": "Related passages (not an answer)",
        "no_sources": "No sources yet. Ask a question.",
        "open": "Open full report", "report_view": "Full report",
        "resolved": "understood as", "not_found": "Not in the reports",
        "answer_label": "Answer", "file": "File", "page": "page", "untitled": "(untitled)",
        "reports_list": "Indexed reports", "upload": "Upload reports",
        "upload_button": "Add to the index", "delete_pick": "Report to delete", "delete": "Delete report",
        "col_title": "Title", "col_province": "Province", "col_date": "Date", "col_file": "File",
        "col_chunks": "Chunks",
        "indexing": "Updating the index…", "no_file": "No file chosen.",
        "added": "Added", "removed": "Deleted", "refused": "Not added",
        "briefing_items": "Collected answers", "briefing_empty": "Nothing yet. Use «Add to briefing» on the Ask tab.",
        "pick_item": "Item", "up": "Up", "down": "Down", "remove": "Remove item",
        "export_md": "Download Markdown", "export_docx": "Download DOCX",
        "briefing_added": "Added to the briefing.", "briefing_nothing": "No answer to add yet.",
        "briefing_not_found": "Only answers with citations can be added.",
        "eval_file": "Eval set file (JSONL; leave empty for the default set)", "split": "Split",
        "run_eval": "Run evaluation", "eval_json": "Run results (JSON)", "failures": "Failing items",
        "no_failures": "No failing items.",
        "held_out_failures": "{n} failing items of held-out splits (transfer, cross) are not listed here, so that "
                             "nobody tunes on them; they are in the JSON file.", "expected": "Expected", "got": "Answer",
        "language": "Language",
        "tab_figures": "Figures",
        "district": "District or commune", "kind": "Kind", "unit": "Unit",
        "unit_placeholder": "mô hình · mo hinh · models", "filter": "Filter",
        "kind_quantity": "Quantity", "kind_person": "Person", "kind_date": "Date",
        "kind_model": "Named model", "kind_document": "Document",
        "scope_total": "total", "scope_breakdown": "breakdown", "scope_unknown": "",
        "col_n": "#", "col_district": "District", "col_period": "Period", "col_scope": "Scope",
        "col_kind": "Kind", "col_text": "As written", "col_value": "Value", "col_unit": "Unit",
        "col_what": "What", "col_place": "Place", "col_cite": "Source",
        "facts_table": "Figures (click a column header to sort, a row to read its passage)",
        "facts_count": "{n} facts match the filters.", "facts_none": "No facts match the filters.",
        "facts_hint": "Choose filters, then «Filter».",
        "compare_unit": "Unit to compare", "compare_none": "(no quantities)",
        "chart": "Comparison chart", "chart_title": "Compared: {unit}", "no_period": "period not stated",
        "export_csv": "Download CSV", "export_xlsx": "Download XLSX",
        "add_comparison": "Add comparison to briefing",
        "comparison_nothing": "No quantities to compare yet.",
        "comparison_title": "Figures compared: {unit}", "figures_query": "Figures looked up",
        "any_filter": "all facts", "passage_view": "Passage in its report",
        "gone": "{source}: no longer in the index",
        "metric_n": "Items", "metric_answer": "Answer accuracy", "metric_evidence": "Evidence recall@k",
        "metric_unanswerable": "Unanswerable accuracy", "metric_false": "False answer rate",
        "eval_splits": "Per split", "eval_tags": "Per tag", "eval_all": "all",
        "reliability": "Reliability: share of right answers per confidence decile",
        "reliability_x": "confidence decile (1 = lowest scores)",
        "reliability_y": "share of answers that are right",
        "answered": "answered",
        "login_note": "After {free} wrong passwords you must wait before trying again; each further wrong one doubles the wait.",
    },
}

INPUT_ERRORS_VI: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(en), vi) for en, vi in (
    (r"the question must be text", "Câu hỏi phải là văn bản."),
    (r"the question is longer than (\d+) characters", "Câu hỏi dài quá {0} ký tự."),
    (r"the question is empty", "Câu hỏi đang trống."),
    (r"history must be a list of earlier questions",
     "Lịch sử hội thoại phải là danh sách các câu hỏi trước."),
    (r"an earlier question is longer than (\d+) characters", "Một câu hỏi trước dài quá {0} ký tự."),
    (r"the year must be a number such as 2023", "Năm phải là một số, ví dụ 2023."),
    (r"the year must be between (\d+) and (\d+)", "Năm phải từ {0} đến {1}."),
    (r"k must be a whole number from 1 to (\d+)", "Số đoạn trích (k) phải là số nguyên từ 1 đến {0}."),
    (r"the province must be text", "Tỉnh phải là văn bản."),
    (r"a filter must be text", "Bộ lọc phải là văn bản."),
))
"""The messages of ``assistant.inputs.InputError`` (whole, with their numbers) in Vietnamese, and
the one ``ui.backend`` adds for the Figures tab's filters."""


def error_text(message: str, lang: str) -> str:
    """An input error's message in ``lang``; a message without a translation stays as it is."""
    if lang == "vi":
        for pattern, vi in INPUT_ERRORS_VI:
            if match := pattern.fullmatch(message):
                return vi.format(*match.groups())
    return message
