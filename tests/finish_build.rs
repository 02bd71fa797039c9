//! What Trunk runs after every build (`src/bin/finish_build.rs`), on a small site folder:
//! every page pre-rendered from the content, and content with mistakes stops a release build
//! with each mistake on its line, while a development build carries on with the app's shell.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[path = "common/mod.rs"]
mod common;
use clinic_content::language::direction;
use clinic_content::words::{locale_file, Word, Words};
use clinic_content::SiteSettings;
use common::copy_dir;

const SHELL: &str =
    "<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\">\n    \
    <title>Loading…</title>\n    \
    <script defer src=\"/boot.js\" data-js=\"/assets/app.js\" data-wasm=\"/assets/app.wasm\" \
    data-shell-js=\"/assets/shell.js\" data-shell-wasm=\"/assets/shell.wasm\"></script>\n    \
    <style>/* Why the page looks as it does. */\n  body { margin: 0; }\n</style>\n    \
    <link rel=\"preload\" href=\"content/site.json\" as=\"fetch\" data-app-shell />\n  </head>\n  \
    <body>\n    <div id=\"app\"><div class=\"page-loader\">Loading</div></div>\n  \
    </body>\n</html>\n";

/// The shell's stylesheet as every page inlines it.
const SHIPPED_STYLE: &str = "<style>body{margin:0}</style>";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A built site as Trunk leaves it for the hook, in a folder of its own: its shell (whose
/// script names both the app's programs, as once their files are named), the app's files,
/// the content.
fn site() -> tempfile::TempDir {
    let folder = tempfile::tempdir().expect("a working folder");
    let dir = folder.path();
    copy_dir(&fixtures().join("content"), &dir.join("content"));
    copy_dir(&fixtures().join("images"), &dir.join("images"));
    std::fs::create_dir_all(dir.join("assets")).expect("assets");
    std::fs::write(dir.join("assets/app.wasm"), b"\0asm").expect("an asset");
    for file in ["boot.js", "favicon.svg", "manifest.webmanifest"] {
        std::fs::write(dir.join(file), "").expect("a file");
    }
    std::fs::write(dir.join("index.html"), SHELL).expect("the shell");
    folder
}

fn finish(site: &Path, profile: &str) -> Output {
    finish_with(site, profile, &[])
}

/// Runs the post-build step on `site` with `more` arguments after its own two (the folder of
/// Markdown articles).
fn finish_with(site: &Path, profile: &str, more: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_finish-build"))
        .arg(site)
        .arg("/")
        .args(more)
        .env("TRUNK_PROFILE", profile)
        .env_remove("TRUNK_SOURCE_DIR")
        .output()
        .expect("run finish-build")
}

/// A folder of Markdown articles: the fixture's, with each `(from, to)` replaced.
fn markdown_sources(changes: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().expect("a folder");
    let text = std::fs::read_to_string(fixtures().join("markdown/stretching-at-your-desk.md"))
        .expect("the fixture's Markdown");
    let text = changes
        .iter()
        .fold(text, |text, (from, to)| text.replace(from, to));
    let file = folder.path().join("stretching-at-your-desk.md");
    std::fs::write(&file, text).expect("write");
    (folder, file)
}

fn read(site: &Path, file: &str) -> String {
    std::fs::read_to_string(site.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[test]
fn every_page_is_pre_rendered_with_its_own_head_and_content() {
    let folder = site();
    let site = folder.path().to_path_buf();
    let output = finish(&site, "release");
    assert!(output.status.success(), "{output:?}");
    let index: serde_json::Value =
        serde_json::from_str(&read(&site, "content/articles.json")).expect("the index");
    for article in index["articles"].as_array().expect("articles") {
        let slug = article["slug"].as_str().expect("slug");
        let page = read(&site, &format!("articles/{slug}/index.html"));
        let title = article["title"].as_str().expect("title");
        assert!(
            page.contains(&format!(
                "<h1 id=\"article-title\" tabindex=\"-1\">{title}<"
            )),
            "{slug}"
        );
        assert!(
            page.contains(&format!("data-page-path=\"/articles/{slug}/\"")),
            "{slug}"
        );
        assert!(
            page.contains("data-page-content=\"content/site.json\""),
            "{slug}"
        );
        assert!(
            !page.contains("data-app-shell"),
            "{slug}: the shell's own parts left out"
        );
        assert!(
            page.contains(SHIPPED_STYLE),
            "{slug}: the stylesheet ships without its comments and spaces"
        );
    }
    let not_found = read(&site, "404.html");
    let words: Words =
        serde_json::from_str(&read(&site, "content/locales/en.json")).expect("the table");
    // (Words from the table are text the app fills in: `<!>` marks where, for the hand-over.)
    assert!(not_found
        .replace("<!>", "")
        .contains(&format!("<h1>{}</h1>", words.get(Word::PageNotFound))));
    assert!(not_found.contains("name=\"robots\" content=\"noindex\""));
    let settings: SiteSettings =
        serde_json::from_str(&read(&site, "content/site.json")).expect("settings");
    let language = settings.language();
    // The shell carries the table of the site's language after its root, as a page does.
    let shell = read(&site, "app.html");
    let carried_start = format!(
        "<script type=\"application/json\" data-page-content=\"{}\">",
        locale_file(language)
    );
    let (before, carried) = shell
        .split_once(&carried_start)
        .expect("the shell carries its words");
    let (table, after) = carried.split_once("</script>").expect("a whole script");
    let carried: Words = serde_json::from_str(table).expect("a table");
    let shipped: Words =
        serde_json::from_str(&read(&site, &locale_file(language))).expect("the table");
    assert_eq!(
        carried.entries().collect::<BTreeMap<_, _>>(),
        shipped.entries().collect::<BTreeMap<_, _>>()
    );
    assert_eq!(
        format!("{before}{after}"),
        SHELL
            .replace(
                "<style>/* Why the page looks as it does. */\n  body { margin: 0; }\n</style>",
                SHIPPED_STYLE
            )
            .replace(
                "<html lang=\"en\">",
                &format!(
                    "<html lang=\"{language}\" dir=\"{}\">",
                    direction(language).as_html()
                )
            )
            .replace(
                "<title>Loading…</title>",
                &format!("<title>{}</title>", words.get(Word::Loading))
            )
            .replace(
                "</head>",
                "<link rel=\"modulepreload\" href=\"/assets/shell.js\"><link rel=\"preload\" \
                 href=\"/assets/shell.wasm\" as=\"fetch\" crossorigin=\"anonymous\" \
                 fetchpriority=\"low\"></head>"
            ),
        "the shell is kept as it was, its stylesheet as shipped, with the site's language \
         and its words, and a preload of the app's shell's program"
    );
    let precache = |site: &Path| {
        read(site, "service-worker.js")
            .lines()
            .find(|line| line.starts_with("const PRECACHE = "))
            .map(str::to_string)
            .expect("the PRECACHE line")
    };
    let saved_on_install = precache(&site);
    assert!(
        saved_on_install.contains("\"app.html\""),
        "{saved_on_install}"
    );

    // Run again (as the tests do on a copy with other content): the same pages.
    let before = read(&site, "index.html");
    assert!(finish(&site, "release").status.success());
    assert_eq!(read(&site, "index.html"), before);

    // One more article: its page is written, and the service worker still saves the same
    // files on install (nothing that grows with the library).
    let mut index = index;
    let slug = index["articles"][1]["slug"]
        .as_str()
        .expect("slug")
        .to_string();
    let mut article: serde_json::Value =
        serde_json::from_str(&read(&site, &format!("content/articles/{slug}.json")))
            .expect("an article");
    article["slug"] = "one-more-article".into();
    std::fs::write(
        site.join("content/articles/one-more-article.json"),
        article.to_string(),
    )
    .expect("write");
    index["articles"]
        .as_array_mut()
        .expect("articles")
        .push(serde_json::json!({ "slug": "one-more-article", "title": article["title"] }));
    std::fs::write(site.join("content/articles.json"), index.to_string()).expect("write");
    assert!(finish(&site, "release").status.success());
    read(&site, "articles/one-more-article/index.html");
    assert_eq!(precache(&site), saved_on_install);
}

#[test]
fn the_library_its_categories_and_the_sitemap_are_made_from_the_articles() {
    let folder = site();
    let site = folder.path().to_path_buf();
    let output = finish(&site, "release");
    assert!(output.status.success(), "{output:?}");
    let articles: Vec<serde_json::Value> = std::fs::read_dir(site.join("content/articles"))
        .expect("articles")
        .flatten()
        .map(|entry| {
            serde_json::from_str(&std::fs::read_to_string(entry.path()).expect("read"))
                .expect("an article")
        })
        .collect();
    let list = read(&site, "articles/index.html");
    let sitemap = read(&site, "sitemap.xml");
    let library: serde_json::Value =
        serde_json::from_str(&read(&site, "content/library.json")).expect("the library");
    assert_eq!(
        library["articles"].as_array().map(Vec::len),
        Some(articles.len())
    );
    // The list carries its own page of cards, which is also a file of its own.
    assert!(list.contains("data-page-content=\"content/lists/articles/1.json\""));
    assert!(!list.contains("data-page-content=\"content/library.json\""));
    assert!(site.join("content/lists/articles/1.json").is_file());
    assert!(sitemap.contains("<loc>https://clinic.test/articles/</loc>"));
    for article in &articles {
        let slug = article["slug"].as_str().expect("slug");
        let category = article["category"].as_str().expect("category");
        let category_slug = clinic_content::ids::slugify(category);
        let link = format!("href=\"/articles/{slug}/\"");
        assert!(list.contains(&link), "the list links to {slug}");
        let category_page = read(&site, &format!("categories/{category_slug}/index.html"));
        assert!(category_page.contains(&link), "{category} links to {slug}");
        for other in &articles {
            let other_link = format!(
                "href=\"/articles/{}/\" class=\"article-card-link\"",
                other["slug"].as_str().unwrap_or_default()
            );
            assert_eq!(
                category_page.contains(&other_link),
                other["category"] == article["category"],
                "{category}'s page shows only its articles"
            );
        }
        for page in [
            format!("articles/{slug}/"),
            format!("categories/{category_slug}/"),
        ] {
            assert!(
                sitemap.contains(&format!("<loc>https://clinic.test/{page}</loc>")),
                "{page} in the sitemap"
            );
        }
        // An article carries the cards of its local related posts only.
        let page = read(&site, &format!("articles/{slug}/index.html"));
        let local_related = article["related"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|post| articles.iter().any(|a| a["slug"] == post["slug"]));
        assert_eq!(
            page.contains("data-page-content=\"content/library.json\""),
            local_related,
            "{slug}"
        );
    }
    let robots = read(&site, "robots.txt");
    assert!(robots.contains("Sitemap: https://clinic.test/sitemap.xml"));
    assert!(robots.contains("Disallow: /admin/\n"), "{robots}");
    let warnings = String::from_utf8_lossy(&output.stderr);
    assert!(
        warnings.contains("warning:") && warnings.contains("\"choosing-winter-boots\""),
        "a related post that leads nowhere is named: {warnings}"
    );
}

#[test]
fn content_with_a_mistake_stops_a_release_build_and_shows_in_a_development_one() {
    for profile in ["release", "debug"] {
        let folder = site();
        let site = folder.path();
        let file = site.join("content/articles/a-second-fixture-article.json");
        let text = std::fs::read_to_string(&file).expect("an article");
        std::fs::write(
            &file,
            text.replacen("\"title\": \"", "\"title\": \" \", \"x\": \"", 1),
        )
        .expect("break it");
        let output = finish(site, profile);
        let errors = String::from_utf8_lossy(&output.stderr);
        assert!(
            errors.contains("a-second-fixture-article.json"),
            "{profile}: names the file: {errors}"
        );
        if profile == "release" {
            assert!(!output.status.success(), "nothing to publish");
            assert!(errors.contains("prerender: FAILED"), "{errors}");
        } else {
            assert!(output.status.success(), "trunk serve carries on");
            assert!(errors.contains("prerender: SKIPPED"), "{errors}");
            // Every address reaches the app's shell, which shows the mistake in the page.
            assert_eq!(read(site, "404.html"), SHELL);
            assert_eq!(read(site, "index.html"), SHELL);
        }
    }
}

#[test]
fn key_points_above_grade_8_stop_a_release_build_naming_the_file_and_field() {
    let folder = site();
    let site = folder.path();
    let file = site.join("content/articles/walking-comfortably-in-winter.json");
    let mut article: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("an article")).expect("JSON");
    article["key_points"] = serde_json::json!([
        "Musculoskeletal inflammation originating in the thoracic paraspinal musculature \
         frequently necessitates multidisciplinary evaluation."
    ]);
    std::fs::write(&file, article.to_string()).expect("write");
    let output = finish(site, "release");
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "nothing to publish: {errors}");
    assert!(
        errors.contains(&format!(
            "{}: key_points: they read at grade",
            file.display()
        )),
        "{errors}"
    );
}

#[test]
fn a_release_page_carries_the_security_policy_and_a_development_page_does_not() {
    const HEADERS: &str = "/*\n  Content-Security-Policy: default-src 'self'; \
                           frame-ancestors 'none'; object-src 'none'\n  \
                           Referrer-Policy: no-referrer\n";
    for (profile, carried) in [("release", true), ("debug", false)] {
        let folder = site();
        let site = folder.path();
        std::fs::write(site.join("_headers"), HEADERS).expect("_headers");
        let output = finish(site, profile);
        assert!(output.status.success(), "{output:?}");
        for file in ["index.html", "404.html", "app.html"] {
            let page = read(site, file);
            let policy = "<meta http-equiv=\"Content-Security-Policy\" \
                          content=\"default-src 'self'; object-src 'none'\">\
                          <meta name=\"referrer\" content=\"no-referrer\">";
            assert_eq!(page.contains(policy), carried, "{profile} {file}: {page}");
            assert!(!page.contains("frame-ancestors"), "a page cannot carry it");
        }
    }
}

#[test]
fn a_markdown_article_is_published_by_the_build_with_nothing_to_import() {
    let folder = site();
    let site = folder.path();
    let (sources, _) = markdown_sources(&[]);
    let output = finish_with(site, "release", &[sources.path()]);
    assert!(output.status.success(), "{output:?}");
    let index: serde_json::Value =
        serde_json::from_str(&read(site, "content/articles.json")).expect("the index");
    let listed = index["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .find(|article| {
            article["title"] == "Stretching at Your Desk: A Fixture Written in Markdown"
        })
        .expect("the Markdown article is listed");
    let slug = listed["slug"].as_str().expect("a slug");
    assert!(site.join(format!("content/articles/{slug}.json")).is_file());
    let page = read(site, &format!("articles/{slug}/index.html"));
    assert!(page.contains("Stretching at Your Desk"), "its own page");
}

#[test]
fn a_markdown_mistake_stops_a_release_build_by_file_and_line_and_shows_in_a_development_one() {
    for profile in ["release", "debug"] {
        let folder = site();
        let site = folder.path();
        let (sources, file) = markdown_sources(&[("date: 2026-06-15", "date: [")]);
        let output = finish_with(site, profile, &[sources.path()]);
        let mistake = format!("{}:4: front matter: ", file.display());
        let errors = String::from_utf8_lossy(&output.stderr);
        assert!(errors.contains(&mistake), "{profile}: {errors}");
        if profile == "release" {
            assert!(!output.status.success(), "nothing to publish");
        } else {
            assert!(output.status.success(), "trunk serve carries on");
            let problems: Vec<String> =
                serde_json::from_str(&read(site, "content/problems.json")).expect("a list");
            assert!(
                problems.iter().any(|problem| problem.starts_with(&mistake)),
                "the page can show it: {problems:?}"
            );
            assert_eq!(
                read(site, "index.html"),
                SHELL,
                "every page is the app's shell"
            );
        }
    }
}

#[test]
fn a_markdown_articles_broken_rule_and_warnings_name_its_markdown_file() {
    let folder = site();
    let site = folder.path();
    let (sources, file) = markdown_sources(&[(
        "category: Fixture Care",
        "category: Fixture Care\nauthor: nobody-here",
    )]);
    let output = finish_with(site, "release", &[sources.path()]);
    assert!(!output.status.success(), "nothing to publish");
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(
        errors.contains(&format!("{}: author: \"nobody-here\"", file.display())),
        "{errors}"
    );
    assert!(!errors.contains("stretching-at-your-desk.json"), "{errors}");

    let folder = self::site();
    let (sources, file) = markdown_sources(&[]);
    let output = finish_with(folder.path(), "release", &[sources.path()]);
    assert!(output.status.success(), "{output:?}");
    let warnings = String::from_utf8_lossy(&output.stderr);
    assert!(
        warnings.contains(&format!(
            "warning: {}: sources: none listed",
            file.display()
        )),
        "{warnings}"
    );
}
