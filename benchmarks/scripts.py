"""Quick-panel figures on a library of 2,000 objection scripts in the 200,000-customer
demo database: opening the panel (building the in-memory index) and the result time of
every keystroke.

    python benchmarks/scripts.py --db /work/bench/demo-200k.db [--scripts 2000]

The database is copied to a temporary folder first (opening migrates it and adds the
library) and the copy removed at the end. The 2,000 scripts are the starter set's
scripts, each rewritten for a product line and a customer kind, so texts differ and
every pinyin has to be computed. 20,000 interactions are marked as having used a
script (random reply and outcome, 85 % of them noted) so the statistics are not empty.
Targets (issue 13): open ≤ 100 ms, per keystroke ≤ 30 ms.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Timer, emit, ms, parser, percentiles  # noqa: E402

PRODUCTS = ["水泵", "阀门", "电缆", "涂料", "轴承", "灯具", "瓷砖", "五金", "饮料", "调味品",
            "办公家具", "农资", "纸箱", "润滑油", "安防设备", "厨具", "床品", "童装", "茶叶",
            "建材", "汽配", "医疗耗材", "包装膜", "小家电", "卫浴", "门窗", "板材", "玻璃",
            "化肥", "饲料", "宠物用品", "文具", "劳保用品", "日化", "酒水", "冷链", "软件",
            "打印耗材", "监控", "空调", "电梯", "光伏", "水处理", "实验仪器", "母婴用品",
            "体育用品", "乐器", "花卉", "种子", "钢材", "铝材", "塑料粒子", "化工原料",
            "服装面料", "鞋材", "眼镜", "手机配件", "电动车", "工具", "标签", "物流服务",
            "快消品", "冷冻食品", "烘焙原料", "干货", "保健品", "美妆", "家纺", "窗帘",
            "地板"]
KINDS = ["经销商", "零售商", "终端客户"]
TYPED = ["tai gui", "太贵了", "tg", "jiage", "价格高", "kaolv", "资料", "zhangqi", "老板",
         "便宜点", "质量不好", "kucun", "没时间"]


def build_library(db, target: int, rng: random.Random) -> int:  # type: ignore[no-untyped-def]
    from kehubao.models import ObjectionScript
    from kehubao.services.scripts.content import parse_item
    from kehubao.services.scripts.editing import apply_content
    from kehubao.services.starter import load_json

    items = load_json("objection_scripts.json")["scripts"]
    added = 0
    with db.session() as session:
        n = 0
        while added < target - len(items):
            item = dict(items[n % len(items)])
            product, kind = PRODUCTS[(n // len(items)) % len(PRODUCTS)], KINDS[n % len(KINDS)]
            n += 1
            item["key"] = ""
            item["title"] = f"{item['title']}（{product}·{kind}）"
            item["phrasings"] = [f"{p}，{product}这块" for p in item.get("phrasings", [])]
            item["tags"] = [*item.get("tags", []), product, kind]
            content = parse_item(item)
            script = ObjectionScript(title=content.title)
            session.add(script)
            apply_content(session, script, content)
            added += 1
            if added % 500 == 0:
                session.flush()
    return added


def mark_interactions(db, count: int, rng: random.Random) -> int:  # type: ignore[no-untyped-def]
    from sqlalchemy import select, update

    from kehubao.models import Interaction, ScriptReply

    with db.session() as session:
        replies = session.execute(select(ScriptReply.id, ScriptReply.script_id)).all()
        top = session.scalar(select(Interaction.id).order_by(Interaction.id.desc()).limit(1))
        ids = rng.sample(range(1, top + 1), count)
        rows = []
        for iid in ids:
            reply_id, script_id = rng.choice(replies)
            worked = None if rng.random() < 0.15 else rng.random() < 0.6
            rows.append({"id": iid, "script_id": script_id, "reply_id": reply_id,
                         "reply_worked": worked})
        session.execute(update(Interaction), rows)
    return count


def main() -> None:
    p = parser(__doc__.splitlines()[0])
    p.add_argument("--scripts", type=int, default=2000)
    p.add_argument("--interactions", type=int, default=20_000)
    args = p.parse_args()
    rng = random.Random(13)
    work = Path(tempfile.mkdtemp(prefix="scripts-bench-", dir="/tmp"))
    try:
        copy = work / "demo.db"
        with Timer() as t_copy:
            shutil.copyfile(args.db, copy)
        import kehubao.services  # noqa: F401
        from kehubao.db import open_database
        from kehubao.services.starter import ensure_starter_data

        with Timer() as t_open:
            db = open_database(str(copy))
            with db.session() as session:
                ensure_starter_data(session)
        added = build_library(db, args.scripts, rng)
        marked = mark_interactions(db, args.interactions, rng)
        result = measure(db)
        result.update(copy_s=round(t_copy.seconds, 1), open_and_migrate_s=round(t_open.seconds, 1),
                      scripts_added=added, interactions_marked=marked)
        db.dispose()
        emit(result)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def measure(db) -> dict:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from kehubao.models import Contact, ObjectionScript
    from kehubao.services.scripts import matcher, usage
    from kehubao.services.scripts.matcher import build_index, library_index

    out: dict = {}
    with db.session(write=False) as session:
        out["library_scripts"] = session.scalar(select(func.count()).select_from(ObjectionScript))
        with Timer() as t:
            index = build_index(session)  # first in the process: pinyin dictionaries load too
        out["index_build_cold_ms"] = ms(t.seconds)
        builds, stats_times, opens = [], [], []
        for _ in range(5):
            matcher._pinyin.cache_clear()  # every text's pinyin computed again
            with Timer() as t:
                index = build_index(session)
            builds.append(t.seconds * 1000)
            with Timer() as t:
                usage.usage_stats(session)
            stats_times.append(t.seconds * 1000)
        out["index_build_ms"] = percentiles(builds)
        warm = []
        for _ in range(5):  # after an edit: texts' pinyin already cached
            with Timer() as t:
                build_index(session)
            warm.append(t.seconds * 1000)
        out["index_rebuild_warm_ms"] = percentiles(warm)
        out["usage_stats_ms"] = percentiles(stats_times)
        library_index(session)
        for _ in range(20):  # what the panel does when shown: check for changes, list the best
            with Timer() as t:
                library_index(session).search("", limit=9)
            opens.append(t.seconds * 1000)
        out["panel_open_ms"] = percentiles(opens)
        contacts = list(session.scalars(select(Contact.id).limit(2000)))
        segments = []
        for cid in contacts[:10]:
            with Timer() as t:
                usage.segment_stats(session, usage.person_of(session, cid))
            segments.append(t.seconds * 1000)
        out["segment_stats_ms"] = percentiles(segments)
        keys = []
        for text in TYPED:
            for end in range(1, len(text) + 1):
                start = time.perf_counter()
                index.search(text[:end], limit=9)
                keys.append((time.perf_counter() - start) * 1000)
        out["keystroke_ms"] = percentiles(keys)
        out["indexed_scripts"] = len(index)
        out["top_for_tai_gui"] = [m.title for m in index.search("tai gui", limit=3)]
    return out


if __name__ == "__main__":
    main()
