from pathlib import Path

import pytest

from site_gen.config import SHIPPED_TEMPLATES, ConfigError, load_config


def test_defaults_without_site_toml(tmp_path: Path) -> None:
    cfg = load_config(cwd=tmp_path)
    assert cfg.title == "News archive"
    assert cfg.content_dir == tmp_path.resolve() / "seeds"
    assert cfg.output_dir == tmp_path.resolve() / "build"
    assert cfg.per_page == 50
    assert cfg.template_dirs[-1] == SHIPPED_TEMPLATES


def test_site_toml_values_are_relative_to_the_file(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    f = tmp_path / "site" / "site.toml"
    f.write_text('title = "My archive"\ncontent = "articles"\noutput = "out"\nper_page = 5\n')
    cfg = load_config(f, cwd=tmp_path)
    assert cfg.title == "My archive"
    assert cfg.content_dir == (tmp_path / "site" / "articles").resolve()
    assert cfg.output_dir == (tmp_path / "site" / "out").resolve()
    assert cfg.per_page == 5


def test_command_line_folders_win_and_are_relative_to_cwd(tmp_path: Path) -> None:
    (tmp_path / "site.toml").write_text('content = "a"\n')
    cfg = load_config(cwd=tmp_path, content=Path("b"), output=Path("o"))
    assert cfg.content_dir == (tmp_path / "b").resolve()
    assert cfg.output_dir == (tmp_path / "o").resolve()


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("title = ", "invalid TOML"),
        ("colour = 'red'", "unknown setting 'colour'"),
        ("per_page = 'ten'", "must be a int"),
        ("per_page = 0", "at least 1"),
    ],
)
def test_bad_site_toml_names_the_file(tmp_path: Path, text: str, needle: str) -> None:
    f = tmp_path / "site.toml"
    f.write_text(text)
    with pytest.raises(ConfigError) as err:
        load_config(f, cwd=tmp_path)
    assert str(f) in str(err.value) and needle in str(err.value)


def test_user_templates_come_first(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    cfg = load_config(cwd=tmp_path)
    assert cfg.template_dirs == ((tmp_path / "templates").resolve(), SHIPPED_TEMPLATES)
