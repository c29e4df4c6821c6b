"""Developer tool: screenshots of the main screens and dialogs at 1366×768 into
screenshots/LANG/ (git-ignored), to check that Chinese renders and nothing is clipped.

    python scripts/screenshots.py [demo.db] [--lang zh|en]

Uses its own settings store, so the developer's window layout and language stay as they are.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "screenshots"


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
    language = "zh"
    if "--lang" in args:
        language = args.pop(args.index("--lang") + 1)
        args.remove("--lang")
    OUT.mkdir(exist_ok=True)
    folder = OUT / language
    folder.mkdir(exist_ok=True)
    app = create_application([], language)
    QCoreApplication.setOrganizationName("kehubao-screenshots")  # not the developer's settings
    QSettings().clear()
    path = args[0] if args else str(OUT / "shots.db")
    if not Path(path).exists():
        import kehubao.services  # noqa: F401
        from kehubao.db import open_database
        from kehubao.services.demo import generate_demo

        generate_demo(open_database(path), customers=800, seed=3)
    db = open_database_for_gui(path)
    window = MainWindow(db)
    window.resize(1366, 768)
    window.show()
    window.page_of("customers").list.model.wait_loaded()

    from kehubao.ui import ops

    def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        for _ in range(3):  # readers deliver, then their callbacks may ask for more
            ops.wait_idle()
            app.processEvents()
        widget.grab().save(str(folder / f"{name}.png"))

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
    window.grab().save(str(folder / "11-search.png"))
    window.search_box.popup.grab().save(str(folder / "11-search-popup.png"))
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
    window.resize(1024, 640)
    window.nav.setCurrentRow(0)
    window.page_of("customers").tabs.setCurrentIndex(0)
    shot(window, "14-list-small-window")
    print(f"screenshots in {folder}")
    os._exit(0)


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
