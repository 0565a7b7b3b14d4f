import pytest

from prospect_desk.safe_write import atomic_write_path


def test_the_new_content_replaces_the_file_only_when_writing_succeeds(tmp_path):
    target = tmp_path / "export.csv"
    target.write_text("old")
    with atomic_write_path(target) as tmp:
        assert tmp.parent == tmp_path
        assert not tmp.exists()
        tmp.write_text("new")
        assert target.read_text() == "old"
    assert target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.csv"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary_behind(tmp_path):
    target = tmp_path / "export.csv"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_write_path(target) as tmp:
        tmp.write_text("half of the new")
        raise RuntimeError("disk full")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.csv"]


def test_a_failed_first_write_creates_no_file_at_all(tmp_path):
    target = tmp_path / "report.xlsx"
    with pytest.raises(ValueError), atomic_write_path(target) as tmp:
        tmp.write_bytes(b"partial")
        raise ValueError("bad row")
    assert list(tmp_path.iterdir()) == []
