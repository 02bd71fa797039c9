//! Articles in other languages: each page says its language and direction on `<html>` and in
//! its structured data, as the build writes it, as the app adopts it, and as the app builds
//! it from the content files alone (the shell says English until then). The site is the fixture site with the translations of
//! `tests/fixtures/languages/` added: every expectation follows from their files.

use clinic_content::language::direction;
use clinic_content::{Article, SiteSettings};
use serde_json::{json, Value};

use crate::support::{run_in_browser, site_with_languages, Page, Server, Unknown};

/// The site's settings and every article it lists.
fn site_and_articles() -> (SiteSettings, Vec<Article>) {
    let content = site_with_languages().join("content");
    let read = |file: &str| std::fs::read_to_string(content.join(file)).expect("a content file");
    let site: SiteSettings = serde_json::from_str(&read("site.json")).expect("settings");
    let index: Value = serde_json::from_str(&read("articles.json")).expect("the index");
    let articles = index["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|summary| {
            let slug = summary["slug"].as_str().expect("a slug");
            serde_json::from_str(&read(&format!("articles/{slug}.json"))).expect("an article")
        })
        .collect();
    (site, articles)
}

/// What the page says of its language: `<html lang>` and `dir`, and its JSON-LD page's
/// `inLanguage`.
async fn said(page: &Page) -> Value {
    page.eval(
        "const root = document.documentElement;
         const data = [...document.querySelectorAll('script[type=\"application/ld+json\"]')]
           .flatMap(s => JSON.parse(s.textContent)['@graph'] ?? [])
           .find(item => item['@type'] === 'MedicalWebPage');
         return { lang: root.lang, dir: root.dir, inLanguage: data?.inLanguage ?? null }",
    )
    .await
}

fn expected(site: &SiteSettings, article: &Article) -> Value {
    let lang = site.language_of(article);
    json!({ "lang": lang, "dir": direction(lang).as_html(), "inLanguage": lang })
}

fn server() -> Server {
    Server::start_with(site_with_languages(), "/", Unknown::NotFoundPage)
}

#[tokio::test]
async fn each_page_says_its_language_and_direction_built_adopted_or_built_by_the_app() {
    let (site, articles) = site_and_articles();
    let directions: Vec<&str> = articles
        .iter()
        .map(|article| direction(site.language_of(article)).as_html())
        .collect();
    assert!(
        directions.contains(&"ltr") && directions.contains(&"rtl"),
        "the fixtures have pages of both directions"
    );
    run_in_browser(server(), 1280, 900, &[], |page| async move {
        for shell in [false, true] {
            if shell {
                page.server.serve_the_shell();
            }
            for article in &articles {
                let path = format!("/articles/{}/", article.slug);
                if !shell {
                    // As the build wrote it, before the app has run.
                    page.open_before_the_app(&path).await;
                    let root = page
                        .eval(
                            "return [document.documentElement.lang, document.documentElement.dir]",
                        )
                        .await;
                    let lang = site.language_of(article);
                    assert_eq!(
                        root,
                        json!([lang, direction(lang).as_html()]),
                        "{path} as built"
                    );
                }
                page.open(&path).await;
                // The head's tags are the app's after the first paint.
                page.wait_until(
                    "the page's head is written",
                    "return !!document.querySelector('script[type=\"application/ld+json\"]')",
                )
                .await;
                assert_eq!(
                    said(&page).await,
                    expected(&site, article),
                    "{path}, built by the app: {shell}"
                );
            }
        }
    })
    .await;
}
