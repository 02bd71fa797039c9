//! The core reader journeys in Firefox ESR (headless, through geckodriver) and WebKitGTK
//! (MiniBrowser through WebKitWebDriver): the page and its hand-over, the contents, the FAQ,
//! search, reading settings saved and restored, an article's own address, a `#section` address, the
//! not-found page, and the page again from the service worker with the site out of reach.
//! Expectations come from the fixture content.

use clinic_content::Outline;
use serde_json::json;

use crate::support::{
    content_json, fixture_article, longest_word, with_other_browser, OtherBrowser, Page,
};

fn home_slug() -> String {
    content_json("articles.json")["home"]
        .as_str()
        .expect("home")
        .to_string()
}

async fn h1(page: &Page) -> String {
    page.text("h1").await
}

#[tokio::test]
async fn the_core_journeys_work_in_firefox() {
    with_other_browser(OtherBrowser::Firefox, core_journeys).await;
}

#[tokio::test]
async fn the_core_journeys_work_in_webkit() {
    with_other_browser(OtherBrowser::WebKit, core_journeys).await;
}

async fn core_journeys(page: Page) {
    let article = fixture_article(&home_slug());
    let outline = Outline::of(&article);
    // The page, then the app running it.
    page.open("/").await;
    assert_eq!(h1(&page).await, article.title);

    // The contents take the reader to a section, and say so in the address.
    let section = &outline.sections[1];
    page.click(&format!(".toc-list a[href$='#{}']", section.id))
        .await;
    page.wait_until(
        "the section is the address's",
        &format!("return location.hash === '#{}'", section.id),
    )
    .await;

    // The FAQ opens an answer.
    page.click(".faq-question").await;
    assert_eq!(
        page.eval(
            "const b = document.querySelector('.faq-question');
             return [b.getAttribute('aria-expanded'),
                     document.getElementById(b.getAttribute('aria-controls')).hidden]"
        )
        .await,
        json!(["true", false])
    );

    // Search, in its worker, finds the article by a word of its title.
    page.search_finds(
        &longest_word(&article.title),
        &format!("/articles/{}/", article.slug),
    )
    .await;

    // A reading setting is applied, saved, and there again on the next visit.
    page.click(".reading-settings-button").await;
    page.click(".text-size button:last-of-type").await;
    let size = "return document.documentElement.getAttribute('data-text-size')";
    page.wait_until("the text grows", &format!("{size} === '120'"))
        .await;
    page.open("/").await;
    assert_eq!(page.eval(size).await, json!("120"));

    // An article's own address, and a section's.
    let path = format!("/articles/{}/", article.slug);
    page.open(&path).await;
    assert_eq!(h1(&page).await, article.title);
    let deep = &outline.sections[2];
    page.open(&format!("{path}#{}", deep.id)).await;
    page.wait_until(
        "the section is at the top of the window",
        &format!(
            "const top = document.getElementById('{}').getBoundingClientRect().top;
             return top >= 0 && top < innerHeight / 2",
            deep.id
        ),
    )
    .await;

    // An unknown address.
    page.open("/no-such-page/").await;
    assert_eq!(h1(&page).await, "Page not found");

    // Saved for offline, then read with the site out of reach.
    page.open(&path).await;
    page.wait_until_saved_for_offline().await;
    page.server.go_down();
    page.open(&path).await;
    assert_eq!(h1(&page).await, article.title);
}
