"""Excel import and export of 100,000 cards, against the bare library speeds.

    python bench/bench_excel.py [rows] [rounds]

Prints: xlsxwriter (constant memory) writing the rows bare, python-calamine
reading the sheet bare, our import into a fresh database, our export of the
imported cards, each with the peak resident memory of its own process (and,
for the import, the CPU time and peak memory of the second process that
prepares rows beside it); then, for the window's case, the import of the
sheet as the wizard's preview has read it already (the preview's reading
not timed). The pinyin tables are put in the cache folder first, as the
app does the first time it reads a name. The
import is timed until its transaction has committed (every card written,
listed and searchable); the sort indexes it leaves for after the commit,
which the app builds on a worker while the list is shown, are timed apart.
Targets: import <= 3x the bare read, export <= 1.3x the bare write, peak
memory < 400 MB.
"""

import datetime
import multiprocessing
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import python_calamine  # noqa: E402
import xlsxwriter  # noqa: E402

from prospect_desk import bulk_indexes, pinyin_tables  # noqa: E402
from prospect_desk.database import close_database, open_database  # noqa: E402
from prospect_desk.excel_export import EXPORT_FIELDS, export_cards  # noqa: E402
from prospect_desk.excel_import import import_file  # noqa: E402
from prospect_desk.header_mapping import export_header  # noqa: E402
from prospect_desk.spreadsheet_read import read_sheet  # noqa: E402

SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰文斌宇浩鹏飞"
CITIES = ["上海", "北京", "广州", "深圳", "杭州", "南京", "成都", "武汉", "Taipei", "Hong Kong"]
TRADES = ["贸易", "科技", "机械", "食品", "印刷", "物流", "建材", "服装", "电子", "咨询"]
STAGES = ["新的潜在顾客", "拒绝", "现在的客户", "以往客户", "new prospect", "current customer"]
CIRCLES = ["工作上的朋友", "学校时的朋友", "Shared-hobby friends", "高尔夫球友", "扶轮社", ""]


def make_rows(count: int) -> list[list[object]]:
    rng = random.Random(20250304)
    companies = [f"{rng.choice(CITIES)}{rng.choice(SURNAMES)}{rng.choice(GIVEN)}"
                 f"{rng.choice(TRADES)}有限公司" for _ in range(3000)]
    rows = []
    for i in range(count):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        company = rng.choice(companies)
        is_company = i % 10 == 0
        first = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randrange(3650))
        birthday = datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randrange(15000))
        rows.append([
            f"{company}（{i}）" if is_company else name,
            "公司" if is_company else "个人",
            "" if is_company else company,
            f"021-{50000000 + i:08d}",
            f"+86 1{(3800000000 + i * 7) % 10**10:010d}",
            "",
            f"user{i}@example.com",
            f"{rng.choice(CITIES)}市{rng.choice(GIVEN)}{rng.choice(GIVEN)}路"
            f"{rng.randrange(1, 999)}号",
            "", "",
            rng.choice(STAGES),
            "良好",
            rng.choice(CIRCLES),
            "",
            "",
            first,
            "",
            None if is_company else birthday,
            first + datetime.timedelta(days=90) if i % 4 == 0 else None,
            "高尔夫" if i % 7 == 0 else "",
            "第一次见面在展会" if i % 5 == 0 else "",
        ])
    return rows


def write_bare(path: Path, headers: list[str], rows: list[list[object]]) -> None:
    """xlsxwriter alone: the same cells, types and formats our export writes."""
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet()
    bold = workbook.add_format({"bold": True})
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for column, header in enumerate(headers):
        sheet.write_string(0, column, header, bold)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if not value:
                continue
            if isinstance(value, datetime.date):
                sheet.write_datetime(r, c, value, date_format)
            else:
                sheet.write_string(r, c, value)
    workbook.close()


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


def run_phase(phase: str, folder: str, count: int, queue) -> None:
    """One measured step, in a process of its own so its peak memory is its own."""
    folder = Path(folder)
    source = folder / "cards.xlsx"
    detail = ""
    if phase == "bare write":
        headers = [export_header(f, "zh_CN") for f in EXPORT_FIELDS]
        rows = make_rows(count)
        start, cpu_start = time.perf_counter(), time.process_time()
        write_bare(source, headers, rows)
    elif phase == "bare read":
        start, cpu_start = time.perf_counter(), time.process_time()
        workbook = python_calamine.CalamineWorkbook.from_path(str(source))
        detail = f"{len(workbook.get_sheet_by_name(workbook.sheet_names[0]).to_python())} rows"
    elif phase in ("import", "after preview"):
        previewed = read_sheet(source) if phase == "after preview" else None
        open_database(folder / (phase.replace(" ", "-") + ".sqlite3"))
        start, cpu_start = time.perf_counter(), time.process_time()
        result = import_file(source, previewed and previewed.sheet_name, read=previewed)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        detail = (f"imported {result.imported}, rejected {len(result.rejected)}, "
                  f"duplicates skipped {result.duplicates_skipped}, "
                  f"circles created {result.circles_created}, "
                  f"follow-ups {result.follow_ups_created}")
        # What the window does next, on a worker, while the list is already shown.
        later = time.perf_counter()
        built = bulk_indexes.build_pending()
        later = time.perf_counter() - later
        close_database()
        peak = peak_rss_mb()
        time.sleep(0.5)  # the second process that prepared rows has ended by now
        helper = resource.getrusage(resource.RUSAGE_CHILDREN)
        helper_peak = helper.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
        queue.put((seconds, cpu, peak, detail,
                   (built, later, helper.ru_utime + helper.ru_stime, helper_peak)))
        return
    else:
        open_database(folder / "import.sqlite3")
        start, cpu_start = time.perf_counter(), time.process_time()
        detail = f"exported {export_cards(folder / 'export.xlsx', language='zh_CN')}"
        close_database()
    # CPU time as well as wall time: on a busy machine it varies less.
    queue.put((time.perf_counter() - start, time.process_time() - cpu_start, peak_rss_mb(),
               detail, None))


def measure(phase: str, folder: Path, count: int) -> tuple[float, float, float]:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=run_phase, args=(phase, str(folder), count, queue))
    process.start()
    seconds, cpu, peak, detail, later = queue.get()
    process.join()
    print(f"{phase:<12} {seconds:7.2f} s  (CPU {cpu:6.2f} s)   peak RSS {peak:5.0f} MB   {detail}",
          flush=True)
    if later is not None:
        built, seconds_later, helper_cpu, helper_peak = later
        print(f"{'':<12} second process preparing rows: CPU {helper_cpu:.2f} s, "
              f"peak RSS {helper_peak:.0f} MB", flush=True)
        print(f"{'':<12} then {built} list indexes built after the commit, on a worker "
              f"in the app: {seconds_later:.2f} s (checkpoint included)", flush=True)
    return seconds, cpu, peak


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    folder = Path(tempfile.mkdtemp(prefix="bench-excel-"))
    pinyin_tables.load()  # kept in the cache folder from then on, as the app keeps them
    print(f"{count} rows, {rounds} rounds, files in {folder}")
    phases = ("bare write", "bare read", "import", "export", "after preview")
    runs: dict[str, list[tuple[float, float, float]]] = {phase: [] for phase in phases}
    for round_number in range(1, rounds + 1):
        print(f"round {round_number}")
        for phase in phases:
            if phase in ("import", "after preview"):
                for stale in folder.glob(phase.replace(" ", "-") + ".sqlite3*"):
                    stale.unlink()
            runs[phase].append(measure(phase, folder, count))
    # Each ratio from one round's own pair, then the median round: a busy
    # moment on this machine moves both of a pair less than it moves one.
    def ratios(ours: str, bare: str, field: int) -> list[float]:
        return sorted(mine[field] / theirs[field]
                      for mine, theirs in zip(runs[ours], runs[bare], strict=True))

    import_ratios, import_cpu = ratios("import", "bare read", 0), ratios("import", "bare read", 1)
    export_ratios = ratios("export", "bare write", 0)
    export_cpu = ratios("export", "bare write", 1)
    middle = rounds // 2
    peak = max(run[2] for phase in ("import", "export") for run in runs[phase])
    window_peak = max(run[2] for run in runs["after preview"])
    print()
    print(f"import / bare read   {import_ratios[middle]:5.2f}x median "
          f"({', '.join(f'{r:.2f}' for r in import_ratios)})  (target <= 3)")
    print(f"  in CPU time        {import_cpu[middle]:5.2f}x  (this process only)")
    after_preview = sorted(run[0] for run in runs["after preview"])
    print(f"import after preview {after_preview[middle]:5.2f} s median "
          f"({', '.join(f'{r:.2f}' for r in after_preview)}): the window's case, "
          "where the preview has read the sheet")
    print(f"export / bare write  {export_ratios[middle]:5.2f}x median "
          f"({', '.join(f'{r:.2f}' for r in export_ratios)})  (target <= 1.3)")
    print(f"  in CPU time        {export_cpu[middle]:5.2f}x")
    print(f"peak RSS             {peak:5.0f} MB (target < 400); "
          f"{window_peak:.0f} MB after the preview, its sheet included")


if __name__ == "__main__":
    main()
