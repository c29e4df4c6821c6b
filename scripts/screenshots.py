"""Developer tool: screenshots of the main screens and dialogs at 1366×768 into
screenshots/LANG/ (git-ignored), to check that Chinese renders and nothing is clipped.

    python scripts/screenshots.py [demo.db] [--lang zh|en]
    python scripts/screenshots.py [demo.db] --guide [--lang zh|en]

``--guide`` writes the user guide's images instead: the shots named in ``GUIDE_SHOTS``,
scaled down, into resources/guide/img/LANG/ (git-ignored: they are generated, by this
script, before a release is built; the help window shows its pages without them when
they are missing). Without ``--lang`` it makes both languages.

Uses its own settings store, so the developer's window layout and language stay as they are.
"""

import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "screenshots"
GUIDE_OUT = ROOT / "resources" / "guide" / "img"
GUIDE_LANGUAGES = ("zh", "en")
# The shots the user guide shows: shot name → (image name in the guide, widest pixels).
# Whole windows are halved or so, dialogs less; small PNGs keep the installer small.
GUIDE_SHOTS = {
    "00-welcome": ("welcome", 720),
    "01-list": ("customer-list", 720),
    "03-contacts": ("customer-contacts", 720),
    "09b-import-mapping": ("import-mapping", 640),
    "09c-import-preview": ("import-preview", 640),
    "13-today": ("today", 720),
    "15-log-dialog": ("log-dialog", 520),
    "16-calendar-month": ("calendar", 720),
    "24-script-library": ("script-library", 720),
    "25-quick-panel": ("quick-panel", 520),
    "21-evaluation-form": ("evaluation-form", 720),
    "22-portfolio": ("portfolio", 720),
    "15-reports": ("reports", 720),
    "16-report-preview": ("report-preview", 560),
    "12-recycle-bin": ("recycle-bin", 720),
}


def guide_images(args: list[str]) -> None:
    """--guide without --lang: one run per language (the UI is built in one language)."""
    for language in GUIDE_LANGUAGES:
        subprocess.run([sys.executable, __file__, *args, "--guide", "--lang", language], check=True)


def compile_translation(language: str) -> None:
    """The .qm the window needs in `language`, when the .ts is newer (it is generated)."""
    if language == "zh":
        return
    ts = ROOT / "resources" / "translations" / f"kehubao_{language}.ts"
    qm = ts.with_suffix(".qm")
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        subprocess.run([sys.executable, str(ROOT / "scripts" / "translations.py"), "release"], check=True)


def main() -> None:
    from PySide6.QtCore import QCoreApplication, QSettings

    from kehubao.ui.application import create_application, open_database_for_gui
    from kehubao.ui.customers.contact_dialog import ContactDialog
    from kehubao.ui.customers.edit_dialog import CustomerDialog
    from kehubao.ui.customers.merge_dialog import MergeDialog
    from kehubao.ui.exchange.export_dialog import ExportDialog
    from kehubao.ui.exchange.import_dialog import ImportDialog
    from kehubao.ui.main_window import MainWindow

    args = sys.argv[1:]
    if {"-h", "--help"} & set(args):
        print(__doc__)
        return
    guide = "--guide" in args
    if guide:
        args.remove("--guide")
    if guide and "--lang" not in args:
        guide_images(args)
        return
    language = "zh"
    if "--lang" in args:
        language = args.pop(args.index("--lang") + 1)
        args.remove("--lang")
    OUT.mkdir(exist_ok=True)  # the demo database lives there in both modes
    folder = (GUIDE_OUT if guide else OUT) / language
    folder.mkdir(parents=True, exist_ok=True)
    compile_translation(language)
    app = create_application([], language)
    QCoreApplication.setOrganizationName("kehubao-screenshots")  # not the developer's settings
    QSettings().clear()
    # One demo per language: a new database's starter set (scripts, evaluation template)
    # is in the language of the window that creates it.
    path = args[0] if args else str(OUT / f"shots-{language}.db")
    if not Path(path).exists():
        import kehubao.services  # noqa: F401
        from kehubao.db import open_database
        from kehubao.services.demo import generate_demo
        from kehubao.services.maintenance import prepare_database

        demo = open_database(path)
        prepare_database(demo, language)
        generate_demo(demo, customers=800, seed=3)
        demo.dispose()
    db = open_database_for_gui(path)
    window = MainWindow(db)
    window.resize(1366, 768)
    window.show()
    window.page_of("customers").list.model.wait_loaded()

    from PySide6.QtCore import Qt

    from kehubao.ui import ops

    def save(pixmap, name: str) -> None:  # type: ignore[no-untyped-def]
        if not guide:
            pixmap.save(str(folder / f"{name}.png"))
        elif name in GUIDE_SHOTS:
            image_name, widest = GUIDE_SHOTS[name]
            if pixmap.width() > widest:
                pixmap = pixmap.scaledToWidth(widest, Qt.TransformationMode.SmoothTransformation)
            target = folder / f"{image_name}.png"
            pixmap.save(str(target), "PNG")
            shrink_png(target)

    def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        for _ in range(3):  # readers deliver, then their callbacks may ask for more
            ops.wait_idle()
            app.processEvents()
        save(widget.grab(), name)

    customers = window.page_of("customers")
    customers.set_empty_database(True)  # what a new database shows first
    save(window.grab(), "00-welcome")
    customers.set_empty_database(False)
    shot(window, "01-list")
    model = window.page_of("customers").list.model
    first = model.id_at(0)
    window.page_of("customers").open_customer(first)
    shot(window, "02-detail")
    new = CustomerDialog(db, None, window)
    new.show()
    shot(new, "06a-new-customer")
    new.save()  # an empty name: the error line shows
    shot(new, "06b-new-customer-error")
    new.basic.fields["name"].setText("济南华远数控设备有限公司")
    shot(new, "06c-new-customer-typed")
    new.done(0)
    detail = window.page_of("customers").details[first]
    for n, name in enumerate(("03-contacts", "04-timeline", "05-money"), start=1):
        detail.tabs.setCurrentIndex(n)
        shot(window, name)
    from kehubao.ui.customers.money_dialogs import RiskDialog, SupportDialog, TransactionDialog
    from kehubao.ui.evaluation.value_dialog import ValueAssumptionsDialog

    name, terms = detail.money.ledger.name, detail.money.ledger.terms_days
    for dialog, shot_name in ((TransactionDialog(db, first, name, "sale", terms, window), "05a-record-sale"),
                              (SupportDialog(db, first, name, window), "05b-record-support"),
                              (RiskDialog(db, first, name, window), "05c-record-risk"),
                              (ValueAssumptionsDialog(db, window), "05d-value-assumptions")):
        dialog.show()
        shot(dialog, shot_name)
        dialog.done(0)
    dialog = CustomerDialog(db, first, window)
    dialog.show()
    shot(dialog, "06-edit-customer")
    dialog.close()
    contact = detail.overview.contacts[0].id
    dialog = ContactDialog(db, first, contact, window)
    dialog.show()
    shot(dialog, "07-edit-contact")
    dialog.close()
    dialog = MergeDialog(db, first, model.id_at(1), window)
    dialog.show()
    shot(dialog, "08-merge")
    dialog.close()
    sample = ROOT / "tests" / "data" / "vcard" / "gmail-list.vcf"
    dialog = ImportDialog(db, window)
    dialog.show()
    dialog.load(sample)
    from kehubao.ui.tasks import wait_for_tasks

    wait_for_tasks()
    app.processEvents()
    shot(dialog, "09-import")
    dialog.close()
    dialog = ImportDialog(db, window)
    dialog.resize(1000, 620)
    dialog.show()
    dialog.load(sample_list(db, language))
    for _ in range(3):  # the file is read, then the preview (which shows its own tab)
        wait_for_tasks()
        ops.wait_idle()
        app.processEvents()
    dialog.tabs.setCurrentIndex(0)
    shot(dialog, "09b-import-mapping")
    dialog.tabs.setCurrentIndex(1)
    shot(dialog, "09c-import-preview")
    dialog.close()
    dialog = ExportDialog(db, model.filter, [first, model.id_at(1)], (model.rowCount(),) * 2, window)
    dialog.show()
    shot(dialog, "10-export")
    dialog.close()
    window.search_box.setText("张")
    window.search_box.run_now()
    window.search_box.setFocus()
    ops.wait_idle()
    app.processEvents()
    window.search_box._place_popup()
    app.processEvents()
    save(window.grab(), "11-search")
    save(window.search_box.popup.grab(), "11-search-popup")
    window.search_box.clear()  # the later shots without a half-typed search
    window.search_box.popup.hide()
    window.nav.setCurrentRow(5)
    shot(window, "12-recycle-bin")
    followups(window, db, shot)
    window.go_to("reports")
    reports = window.page_of("reports")
    reports.set_customer(first, model.data(model.index(0, 0)))
    shot(window, "15-reports")
    preview = window.section("reports").print_customer("evaluation", first)
    preview.resize(900, 720)
    shot(preview, "16-report-preview")
    preview.close()
    from kehubao.ui.reports.letterhead_dialog import LetterheadDialog

    letterhead = LetterheadDialog(db, window)
    letterhead.show()
    shot(letterhead, "17-letterhead")
    letterhead.close()
    evaluation = window.section("evaluation")
    evaluation.evaluate(first)  # the form and the customer's history
    shot(window, "21-evaluation-form")
    evaluation.evaluation_page().setCurrentIndex(1)
    shot(window, "22-portfolio")
    evaluation.evaluation_page().setCurrentIndex(2)
    shot(window, "23-risk-list")
    window.go_to("scripts")
    shot(window, "24-script-library")
    scripts = window.section("scripts")
    scripts.show_quick_panel()
    panel = scripts.quick_panel()
    panel.query.setText("tai gui")
    shot(panel, "25-quick-panel")
    panel.hide()
    from kehubao.ui.about import AboutDialog

    about = AboutDialog(db, window)
    about.show()
    shot(about, "26-about")
    about.tabs.setCurrentIndex(1)
    shot(about, "26b-about-licences")
    about.close()
    window.resize(1024, 640)
    window.nav.setCurrentRow(0)
    window.page_of("customers").tabs.setCurrentIndex(0)
    shot(window, "14-list-small-window")
    print(f"{'guide images' if guide else 'screenshots'} in {folder}")
    os._exit(0)


def shrink_png(path: Path) -> None:
    """128 colours, median cut, no dithering: a screenshot of flat UI loses nothing one
    can see and a third of its bytes (Pillow comes with ReportLab)."""
    from PIL import Image

    with Image.open(path) as image:
        quantized = image.convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT,
                                                  dither=Image.Dither.NONE)
    quantized.save(path, optimize=True)


def sample_list(db, language: str) -> Path:  # type: ignore[no-untyped-def]
    """A small spreadsheet-like list for the import shots: a company already in the demo
    database (a duplicate), a new one with two contacts, and a row with no name at all."""
    import csv

    from kehubao.models import Contact, Customer

    with db.session(write=False) as session:
        known = session.query(Customer).filter(Customer.deleted_at.is_(None)).order_by(Customer.id).first()
        contact = session.query(Contact).filter(Contact.customer_id == known.id).first()
        known_row = [known.name, contact.name if contact else "", "", contact.mobile if contact else "",
                     known.city or "", ""]
    headers = (["单位名称", "联系人", "职务", "手机", "城市", "备注"] if language == "zh" else
               ["Company", "Contact", "Job title", "Mobile", "City", "Notes"])
    rows = [headers, known_row,
            ["青岛海诚五金机电有限公司", "刘建国", "总经理", "13953212345", "青岛", "展会认识"],
            ["青岛海诚五金机电有限公司", "孙丽", "采购主管", "13853267890", "青岛", ""],
            ["潍坊鼎盛农机销售中心", "赵志强", "老板", "0536-8212345", "潍坊", "老客户介绍"],
            ["", "", "", "13700000000", "烟台", ""]]
    path = OUT / f"guide-sample-{language}.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def followups(window, db, shot) -> None:  # type: ignore[no-untyped-def]
    """The 跟进 section: 今日, the log dialog with scripts offered, the calendar by month
    and by week, the follow-up editor, the reminder settings and the catch-up list."""
    from datetime import timedelta

    from kehubao.services.followups import due_between, local_now
    from kehubao.ui import ops
    from kehubao.ui.followups.catch_up import CatchUpDialog
    from kehubao.ui.followups.follow_up_dialog import FollowUpDialog
    from kehubao.ui.followups.log_dialog import LogInteractionDialog
    from kehubao.ui.followups.reminder_settings import ReminderSettingsDialog

    window.go_to("followups")
    page = window.page_of("followups")
    page.today.generate()
    ops.wait_idle()
    shot(window, "13-today")
    row = page.today.selected_row()
    if row is not None:
        dialog = LogInteractionDialog(db, row.customer_id, contact_id=row.contact_id,
                                      follow_up_id=row.follow_up_id, parent=window)
        dialog.show()
        ops.wait_idle()
        dialog.summary.setText("电话沟通，客户嫌价格高")
        dialog.objections.setText("太贵了")
        dialog.script.offer_for("太贵了")
        dialog.script.search()
        shot(dialog, "15-log-dialog")
        dialog.script.script.setCurrentIndex(min(1, dialog.script.script.count() - 1))
        shot(dialog, "15b-log-dialog-script")
        dialog.form.mark_clean()
        dialog.done(0)
        editor = FollowUpDialog(db, follow_up_id=row.follow_up_id, parent=window)
        editor.show()
        ops.wait_idle()
        editor.recurrence.pattern.setCurrentIndex(editor.recurrence.pattern.findData("weekly"))
        shot(editor, "18-follow-up-editor")
        editor.form.mark_clean()
        editor.done(0)
    page.setCurrentWidget(page.calendar)
    busiest = local_now().date().replace(day=18)
    page.calendar.show_period("month", busiest)
    shot(window, "16-calendar-month")
    page.calendar.show_period("week", busiest)
    shot(window, "17-calendar-week")
    settings = ReminderSettingsDialog(db, window)
    settings.show()
    shot(settings, "19-reminder-settings")
    settings.done(0)
    now = local_now()
    with db.session(write=False) as session:
        rows = due_between(session, now - timedelta(days=2), now, limit=40)
    catch_up = CatchUpDialog(rows, window)
    catch_up.show()
    shot(catch_up, "20-catch-up")
    catch_up.done(0)
    page.setCurrentWidget(page.today)


if __name__ == "__main__":
    main()
