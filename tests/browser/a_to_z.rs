//! The A to Z: every article's title and other names (`also_called`), each under its first
//! letter and leading to its article; reached from the list, used with the keyboard alone,
//! read without JavaScript, and passing axe. Expectations come from the fixture articles.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::support::{
    fixture_articles, nav_named, run_in_browser, site_dir, with_desktop_page, Page, Server,
    Unknown, ENTER,
};
use clinic_content::words::Word;

const KEY: &str = "clinic-article:reading-settings:v1";

/// Each letter's names, as `[name, article address, what it is another name for]`, by the
/// letter's address segment.
fn names_by_letter() -> BTreeMap<String, Vec<Value>> {
    let mut letters: BTreeMap<String, Vec<(String, Value)>> = BTreeMap::new();
    for article in fixture_articles() {
        let href = format!("/articles/{}/", article.slug);
        let names = std::iter::once((article.title.clone(), Value::Null)).chain(
            article
                .also_called
                .iter()
                .map(|other| (other.clone(), json!(format!(": see {}", article.title)))),
        );
        for (name, see) in names {
            let letter = name
                .chars()
                .next()
                .expect("a name")
                .to_ascii_lowercase()
                .to_string();
            letters
                .entry(letter)
                .or_default()
                .push((name.to_lowercase(), json!([name, href, see])));
        }
    }
    letters
        .into_iter()
        .map(|(letter, mut names)| {
            names.sort_by(|a, b| a.0.cmp(&b.0));
            (letter, names.into_iter().map(|(_, name)| name).collect())
        })
        .collect()
}

/// The letters the page offers: each label, and its address when it is a link.
async fn letters(page: &Page) -> Value {
    let letters = format!("{} li", nav_named(Word::Letters));
    page.eval(
        &(format!("const LETTERS = {letters:?};")
            + "return [...document.querySelectorAll(LETTERS)].map(li => [
           li.textContent, li.querySelector('a')?.getAttribute('href') ?? null,
           li.querySelector('a')?.getAttribute('aria-current') ?? null])"),
    )
    .await
}

/// The names the page lists.
async fn names(page: &Page) -> Value {
    page.eval(
        "return [...document.querySelectorAll('.a-to-z-entries li')].map(li => [
           li.querySelector('a').textContent, li.querySelector('a').getAttribute('href'),
           li.querySelector('.a-to-z-see')?.textContent ?? null])",
    )
    .await
}

fn expected_letters(current: Option<&str>) -> Value {
    let with_names = names_by_letter();
    ('a'..='z')
        .map(|letter| {
            let slug = letter.to_string();
            let label = letter.to_ascii_uppercase().to_string();
            match with_names.contains_key(&slug) {
                true => json!([
                    label,
                    format!("/a-z/{slug}/"),
                    (current == Some(slug.as_str())).then_some("page")
                ]),
                false => json!([label, null, null]),
            }
        })
        .collect()
}

#[tokio::test]
async fn the_a_to_z_lists_every_article_and_its_other_names_under_their_letters() {
    assert!(
        fixture_articles().iter().any(|a| !a.also_called.is_empty()),
        "a fixture article has other names"
    );
    with_desktop_page(|page| async move {
        for shell in [false, true] {
            if shell {
                page.server.serve_the_shell();
            }
            page.open("/articles/").await;
            page.click(".a-to-z-link a").await;
            page.wait_until("the A to Z opens", "return location.pathname === '/a-z/'")
                .await;
            page.wait_until_the_app_runs().await;
            assert_eq!(
                letters(&page).await,
                expected_letters(None),
                "shell: {shell}"
            );
            for (letter, expected) in names_by_letter() {
                page.open(&format!("/a-z/{letter}/")).await;
                assert_eq!(
                    letters(&page).await,
                    expected_letters(Some(&letter)),
                    "{letter}, shell: {shell}"
                );
                assert_eq!(
                    names(&page).await,
                    json!(expected),
                    "{letter}, shell: {shell}"
                );
                assert_eq!(
                    page.text("h1").await,
                    format!("Health A to Z: {}", letter.to_uppercase())
                );
            }
        }
    })
    .await;
}

#[tokio::test]
async fn an_article_is_reached_from_the_a_to_z_with_the_keyboard_alone() {
    with_desktop_page(|page| async move {
        let (letter, names) = names_by_letter()
            .into_iter()
            .next()
            .expect("a letter with names");
        page.open("/a-z/").await;
        page.tab_to(
            &format!("{} a[href='/a-z/{letter}/']", nav_named(Word::Letters)),
            40,
        )
        .await;
        page.press(ENTER).await;
        page.wait_until(
            "the letter opens",
            &format!("return location.pathname === '/a-z/{letter}/'"),
        )
        .await;
        page.wait_until_the_app_runs().await;
        page.tab_to(".a-to-z-entries a", 40).await;
        page.press(ENTER).await;
        let href = names[0][1].as_str().expect("an address").to_string();
        page.wait_until(
            "the article opens",
            &format!("return location.pathname === {href:?}"),
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn without_javascript_the_a_to_z_is_readable() {
    let flags = ["--blink-settings=scriptEnabled=false"];
    let server = Server::start_with(site_dir(), "/", Unknown::NotFoundPage);
    run_in_browser(server, 360, 740, &flags, |page| async move {
        page.open_before_the_app("/a-z/").await;
        assert_eq!(letters(&page).await, expected_letters(None));
        for (letter, expected) in names_by_letter() {
            page.open_before_the_app(&format!("/a-z/{letter}/")).await;
            assert_eq!(names(&page).await, json!(expected), "{letter}");
        }
    })
    .await;
}

#[tokio::test]
async fn the_a_to_z_passes_axe_in_every_reading_mode() {
    let (letter, _) = names_by_letter()
        .into_iter()
        .next()
        .expect("a letter with names");
    with_desktop_page(|page| async move {
        for address in ["/a-z/".to_string(), format!("/a-z/{letter}/")] {
            for settings in ["", "contrast=high", "contrast=dark"] {
                page.open(&address).await;
                page.eval(&format!("localStorage.setItem({KEY:?}, {settings:?})"))
                    .await;
                page.open(&address).await;
                let violations = page.axe_violations().await;
                assert!(
                    violations.is_empty(),
                    "{address} {settings}:\n{}",
                    violations.join("\n")
                );
            }
            page.eval("localStorage.clear()").await;
        }
    })
    .await;
}
