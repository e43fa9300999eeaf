"""Run in separate processes by test_search_durability: each is a portal
process (its own app, engine and searcher) writing petitions at once."""

from __future__ import annotations


def write_petitions(database_url: str, index_dir: str, unit_id: int, category_id: int,
                    worker: int, count: int, apply: bool, barrier) -> None:
    from portal import create_app
    from portal.extensions import db
    from portal.petitions.models import Category, PetitionKind
    from portal.petitions.services import PetitionDraft, submit_petition
    from portal.units.models import Unit

    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "SEARCH_INDEX_DIR": index_dir,
                      "SEARCH_APPLY_AFTER_COMMIT": apply}, env="test")
    with app.app_context():
        unit = db.session.get(Unit, unit_id)
        category = db.session.get(Category, category_id)
        barrier.wait(timeout=60)
        for n in range(count):
            submit_petition(PetitionDraft(
                title=f"Tiến trình {worker} phản ánh số {n}",
                body=f"Nội dung phản ánh mã riêng w{worker}n{n} để kiểm tra chỉ mục.",
                kind=PetitionKind.FEEDBACK, category=category, unit=unit,
                contact_name="Người dân"), actor=None)
            db.session.commit()
        db.session.remove()
        db.engine.dispose()
