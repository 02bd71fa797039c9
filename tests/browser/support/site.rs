//! The sites the tests load: the release site built once with Trunk (for the domain root and
//! for a sub-path), copies of it with the suite's fixture content, and new builds of it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};

use clinic_app::contract::SHELL_PROGRAM_NAME;

use super::fixtures::fixtures_dir;
use crate::common::copy_dir;

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Where the runs of the browser tests keep their sites, one folder per run.
fn runs_folder() -> PathBuf {
    repo_root().join("target/browser-tests")
}

/// This run's own folder (`run-<process id>`), so two runs at once never share a site. The
/// first call removes the folders of runs that have ended: a test process ends without
/// running destructors, so each run cleans up after the ones before it.
fn run_folder() -> &'static Path {
    static FOLDER: OnceLock<PathBuf> = OnceLock::new();
    FOLDER.get_or_init(|| {
        let ended = |name: &str| {
            name.strip_prefix("run-")
                .and_then(|id| id.parse::<u32>().ok())
                .is_some_and(|id| !Path::new(&format!("/proc/{id}")).exists())
        };
        for entry in std::fs::read_dir(runs_folder())
            .into_iter()
            .flatten()
            .flatten()
        {
            if ended(&entry.file_name().to_string_lossy()) {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
        let folder = runs_folder().join(format!("run-{}", std::process::id()));
        std::fs::create_dir_all(&folder).expect("a folder for this run's sites");
        folder
    })
}

/// The release site built for the domain root, with the suite's fixture content.
pub fn site_dir() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| with_fixture_content(shipped_site_dir(), "/", "site-fixture"))
}

/// The release site built for the domain root, with the content it ships.
pub fn shipped_site_dir() -> &'static Path {
    static SITE: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    built(&SITE, "/", "site")
}

/// The release site built for a sub-path deploy (`--public-url /clinic/`), with the fixture
/// content.
pub fn sub_path_site_dir() -> &'static Path {
    static BUILT: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        with_fixture_content(
            built(&BUILT, SUB_PATH, "site-clinic"),
            SUB_PATH,
            "site-clinic-fixture",
        )
    })
}

/// A copy of the built site `dist` (built for `public_url`) named `name`, serving the fixture
/// content and images in place of the shipped content, with every page pre-rendered from them.
fn with_fixture_content(dist: &Path, public_url: &str, name: &str) -> PathBuf {
    let site = run_folder().join(name);
    let _ = std::fs::remove_dir_all(&site);
    copy_dir(dist, &site);
    std::fs::remove_dir_all(site.join("content")).expect("remove the shipped content");
    std::fs::remove_dir_all(site.join("articles")).expect("remove the shipped pages");
    copy_dir(&fixtures_dir().join("content"), &site.join("content"));
    copy_dir(&fixtures_dir().join("images"), &site.join("images"));
    // What the build does last, done again for this content: every page pre-rendered, and
    // the service worker's list of saved files.
    finish_build(&site, public_url, None);
    site
}

/// A new build of `site` named `name`, as a clinic deploys after an edit: the same app, with
/// `edit` done to its content and images (`edit` gets the build's folder), every page
/// pre-rendered again (the pages of articles no longer listed gone), and its own service
/// worker and list of published files.
pub fn edited_build_of(site: &Path, name: &str, edit: impl FnOnce(&Path)) -> PathBuf {
    let next = run_folder().join(name);
    let _ = std::fs::remove_dir_all(&next);
    copy_dir(site, &next);
    for pages in ["articles", "categories"] {
        let _ = std::fs::remove_dir_all(next.join(pages));
    }
    edit(&next);
    finish_build(&next, "/", None);
    next
}

/// The version of the service worker a build ships.
pub fn service_worker_version(site: &Path) -> String {
    let worker = std::fs::read_to_string(site.join("service-worker.js")).expect("the worker");
    worker
        .lines()
        .find_map(|line| line.strip_prefix("const VERSION = \""))
        .and_then(|rest| rest.strip_suffix("\";"))
        .expect("a VERSION line")
        .to_string()
}

/// The fixture site with the Markdown articles of `tests/fixtures/markdown/` as its sources,
/// written in by the build as they are for a clinic's `content-src/`.
pub fn site_with_markdown_dir() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let site = run_folder().join("site-fixture-markdown");
        let _ = std::fs::remove_dir_all(&site);
        copy_dir(site_dir(), &site);
        finish_build(&site, "/", Some(&fixtures_dir().join("markdown")));
        site
    })
}

/// The fixture site with the posts of the test's WordPress export
/// (`tests/fixtures/wordpress/`) brought across as a clinic does (`content import-wordpress`
/// into a project whose `public/` is the site), then built.
pub fn site_with_wordpress_import() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let project = run_folder().join("wordpress-project");
        let _ = std::fs::remove_dir_all(&project);
        let site = project.join("public");
        copy_dir(site_dir(), &site);
        let sources = project.join("content-src");
        std::fs::create_dir_all(&sources).expect("a sources folder");
        let wordpress = fixtures_dir().join("wordpress");
        let output = Command::new(env!("CARGO_BIN_EXE_content"))
            .arg("import-wordpress")
            .arg(wordpress.join("export.xml"))
            .arg("--uploads")
            .arg(wordpress.join("uploads"))
            .arg("--project")
            .arg(&project)
            .output()
            .expect("run content import-wordpress");
        assert!(
            output.status.success(),
            "the import failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        finish_build(&site, "/", Some(&sources));
        site
    })
}

/// The fixture site with its search index split as finely as it goes
/// (`SEARCH_CHUNKS=smallest`): a chunk per term, per term's places and per article.
pub fn site_with_smallest_search_chunks() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let site = run_folder().join("site-fixture-smallest-search-chunks");
        let _ = std::fs::remove_dir_all(&site);
        copy_dir(site_dir(), &site);
        finish_build_with(&site, "/", None, &[("SEARCH_CHUNKS", "smallest")]);
        site
    })
}

/// The fixture site with the articles of `tests/fixtures/languages/` added: a Spanish and an
/// Arabic translation of the home article, each listed in `articles.json`, and the clinic's
/// texts in Spanish (`in_languages.json`) in its `site.json`.
pub fn site_with_languages() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let site = run_folder().join("site-fixture-languages");
        let _ = std::fs::remove_dir_all(&site);
        copy_dir(site_dir(), &site);
        let content = site.join("content");
        let index_file = content.join("articles.json");
        let mut index: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&index_file).expect("the index"))
                .expect("an index");
        let added = fixtures_dir().join("languages/articles");
        for entry in std::fs::read_dir(&added)
            .expect("the language fixtures")
            .flatten()
        {
            let text = std::fs::read_to_string(entry.path()).expect("an article");
            let article: serde_json::Value = serde_json::from_str(&text).expect("JSON");
            index["articles"]
                .as_array_mut()
                .expect("a list of articles")
                .push(serde_json::json!({ "slug": article["slug"], "title": article["title"] }));
            std::fs::write(content.join("articles").join(entry.file_name()), text)
                .expect("copy the article");
        }
        std::fs::write(&index_file, index.to_string()).expect("write the index");
        // The clinic's own texts in other languages.
        let settings_file = content.join("site.json");
        let mut settings: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&settings_file).expect("settings"))
                .expect("settings");
        let in_languages = fixtures_dir().join("languages/in_languages.json");
        settings["in_languages"] =
            serde_json::from_str(&std::fs::read_to_string(in_languages).expect("the texts"))
                .expect("texts in other languages");
        std::fs::write(&settings_file, settings.to_string()).expect("write the settings");
        finish_build(&site, "/", None);
        site
    })
}

/// The fixture site with made-up articles added (`content sample-articles`), enough that the
/// list of every article has three pages.
pub fn site_with_three_list_pages() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let site = run_folder().join("site-fixture-three-list-pages");
        let _ = std::fs::remove_dir_all(&site);
        copy_dir(site_dir(), &site);
        let content = site.join("content");
        // With the fixture articles (fewer than a page), more than two pages and less than three.
        let added = 2 * clinic_content::library::CARDS_PER_PAGE + 1;
        let output = Command::new(env!("CARGO_BIN_EXE_content"))
            .arg("sample-articles")
            .arg(added.to_string())
            .arg("--content")
            .arg(&content)
            .output()
            .expect("run content sample-articles");
        assert!(
            output.status.success(),
            "sample-articles failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        finish_build(&site, "/", None);
        site
    })
}

/// Runs what Trunk runs after a build (`src/bin/finish_build.rs`) on `site`, with the
/// Markdown articles of `sources`.
fn finish_build(site: &Path, public_url: &str, sources: Option<&Path>) {
    finish_build_with(site, public_url, sources, &[]);
}

fn finish_build_with(
    site: &Path,
    public_url: &str,
    sources: Option<&Path>,
    environment: &[(&str, &str)],
) {
    let output = Command::new(env!("CARGO_BIN_EXE_finish-build"))
        .envs(environment.iter().copied())
        .arg(site)
        .arg(public_url)
        .args(sources)
        .output()
        .expect("run finish-build");
    assert!(
        output.status.success(),
        "finish-build failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Every HTML page of `site`.
pub fn html_pages(site: &Path) -> Vec<PathBuf> {
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(site).expect("read a folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            pages.extend(html_pages(&path));
        } else if path
            .extension()
            .is_some_and(|extension| extension == "html")
        {
            pages.push(path);
        }
    }
    pages
}

/// A copy of the fixture site as a new build would be: the same app under new hashed file
/// names, and its own service worker.
pub fn next_build_of(site: &Path, name: &str) -> PathBuf {
    let next = run_folder().join(name);
    let _ = std::fs::remove_dir_all(&next);
    copy_dir(site, &next);
    let assets = next.join("assets");
    let mut renamed = Vec::new();
    for entry in std::fs::read_dir(&assets).expect("assets").flatten() {
        let old = entry.file_name().to_string_lossy().into_owned();
        let new = ["clinic-article", SHELL_PROGRAM_NAME]
            .iter()
            .find(|program| old.starts_with(&format!("{program}-")))
            .map_or(old.clone(), |program| {
                old.replacen(&format!("{program}-"), &format!("{program}-next"), 1)
            });
        std::fs::rename(assets.join(&old), assets.join(&new)).expect("rename an asset");
        renamed.push((old, new));
    }
    for page in html_pages(&next) {
        let mut html = std::fs::read_to_string(&page).expect("page");
        for (old, new) in &renamed {
            html = html.replace(old.as_str(), new);
        }
        std::fs::write(&page, html).expect("write the page");
    }
    let (_, service_worker) = clinic_build::service_worker::write_service_worker(&next)
        .expect("write the service worker");
    assert!(service_worker > 0);
    next
}

pub const SUB_PATH: &str = "/clinic/";

fn built(
    site: &'static OnceLock<Result<PathBuf, String>>,
    public_url: &str,
    name: &str,
) -> &'static Path {
    // One trunk build at a time: they share cargo's target directory.
    static BUILDING: Mutex<()> = Mutex::new(());
    let result = site.get_or_init(|| {
        let _one_at_a_time = BUILDING
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        build_site(public_url, name)
    });
    match result {
        Ok(dir) => dir,
        Err(message) => panic!("{message}"),
    }
}

fn build_site(public_url: &str, name: &str) -> Result<PathBuf, String> {
    let root = repo_root();
    let dist = run_folder().join(name);
    let path = format!(
        "{}:{}",
        root.join("tools/node_modules/.bin").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = Command::new("trunk")
        .args(["build", "--release", "--public-url", public_url, "--dist"])
        .arg(&dist)
        .current_dir(&root)
        .env("PATH", path)
        .env("TRUNK_OFFLINE", "true")
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        .output()
        .map_err(|e| format!("could not run trunk (run tools/dev.sh test to install it): {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "trunk build --release --public-url {public_url} failed:\n{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(dist)
}
