"""The command line as its users meet it: commands, options, exit statuses, the console script."""

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, run_cli, write_tree

from duosite import __version__

MINI_SETTINGS = ROOT / "tests" / "fixtures" / "mini" / "content" / "site.yaml"
HOME = {"index.en.md": "---\ntitle: Home\n---\nHello.\n",
        "index.fr.md": "---\ntitle: Accueil\n---\nBonjour.\n"}


def test_help_lists_every_command_with_one_line_each():
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--help"],
                            capture_output=True, text=True)
    assert result.returncode == 0
    listed = {line.split()[0] for line in result.stdout.splitlines()
              if line.startswith("    ") and line.split()}
    assert {"build", "serve", "check", "mark-translated"} <= listed
    assert "exit status: 0 built" in result.stdout


def test_version(tmp_path):
    result = run_cli("--version", cwd=tmp_path)
    assert (result.returncode, result.stdout.strip()) == (0, f"build.py {__version__}")


def test_base_url_builds_a_staging_copy_without_touching_site_yaml(tmp_path):
    settings = MINI_SETTINGS.read_text(encoding="utf-8").replace("https://mini.example.org",
                                                                  "https://www.example.fr")
    write_tree(tmp_path / "content", {**HOME, "site.yaml": settings})
    result = run_cli("--base-url", "https://staging.example.net/site/", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "output" / "en" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://staging.example.net/site/en/">' in home
    assert "https://www.example.fr" not in (tmp_path / "output" / "sitemap.xml").read_text()
    assert (tmp_path / "content" / "site.yaml").read_text(encoding="utf-8") == settings


def test_quiet_prints_errors_only(tmp_path):
    write_tree(tmp_path / "content", {**HOME, "news.en.md": "---\ntitle: News\n---\n"})
    loud, quiet = run_cli(cwd=tmp_path), run_cli("build", "--quiet", cwd=tmp_path)
    assert "warning" in loud.stderr and loud.stdout.startswith("Built ")
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    (tmp_path / "content" / "news.en.md").write_text("---\ntitel: News\n---\n")
    failed = run_cli("--quiet", cwd=tmp_path)
    assert failed.returncode == 1 and failed.stdout == ""
    assert "news.en.md:2: front matter: unknown key 'titel'" in failed.stderr


def test_exit_status_two_for_a_wrong_command_line(tmp_path):
    assert run_cli("--base-url", "ftp://example.org", cwd=tmp_path).returncode == 2
    assert run_cli("--no-such-option", cwd=tmp_path).returncode == 2
    missing = run_cli("--content", "nowhere", cwd=tmp_path)
    assert (missing.returncode, missing.stderr) == (2, "nowhere: content folder not found\n")


def test_exit_status_one_for_content_errors(tmp_path):
    write_tree(tmp_path / "content", {"index.en.md": "---\ndescription: untitled\n---\n"})
    result = run_cli(cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1].startswith("Build failed: 1 error")


def test_console_script_builds_from_the_site_folder(tmp_path):
    script = shutil.which("duosite", path=str(Path(sys.executable).parent))
    assert script, "the console script is installed with the project (pip install -e .)"
    site = tmp_path / "site"
    for name in ("templates", "locales", "static"):
        shutil.copytree(ROOT / name, site / name)
    write_tree(site / "content", HOME)
    result = subprocess.run([script, "build", "--quiet"], cwd=site, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    assert (site / "output" / "fr" / "index.html").is_file()
    elsewhere = subprocess.run([script], cwd=tmp_path, capture_output=True, text=True)
    assert elsewhere.returncode == 2 and "templates folder not found" in elsewhere.stderr
