//! The first paint and what follows it: the home page pre-rendered into `index.html` shows
//! before the app runs, the app builds the first screen before the rest of the page, and
//! nothing moves while the rest arrives or when the app's page takes the pre-rendered one's
//! place.

use std::time::Duration;

use serde_json::{json, Value};

use clinic_article::content::text::slugify;

use crate::support::{content_json, plain, with_desktop_page, with_page, Page};

/// Records, before the page's own scripts run, every layout shift and what each animation
/// frame (the moment before a paint) found in the page: in the app's own root, and the
/// headings a reader could see.
const RECORDER: &str = "
    window.__shifts = [];
    new PerformanceObserver(list => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) __shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
    window.__frames = [];
    (function frame() {
      __frames.push({
        title: !!document.querySelector('#app h1'),
        faq: !!document.querySelector('#app .faq'),
        footer: !!document.querySelector('#app .site-footer'),
        seen: [...document.querySelectorAll('h1')]
          .filter(h1 => h1.checkVisibility())
          .map(h1 => h1.textContent),
      });
      if (__frames.length < 2000) requestAnimationFrame(frame);
    })();";

/// An article besides the home one. No pre-rendered page shows at an article's address (the
/// home article's included): the app paints its first screen.
const SECOND_SLUG: &str = "a-second-fixture-article";

fn home_slug() -> String {
    let home = content_json("articles.json")["home"].clone();
    home.as_str().expect("a home article").to_string()
}

/// The fixture article at `slug`, or the home article.
fn article(slug: Option<&str>) -> Value {
    let home = home_slug();
    content_json(&format!("articles/{}.json", slug.unwrap_or(&home)))
}

fn title_of(slug: Option<&str>) -> String {
    article(slug)["title"]
        .as_str()
        .expect("a title")
        .to_string()
}

/// What readers could see in the frames drawn so far: the distinct lists of visible titles.
async fn titles_seen(page: &Page) -> Vec<Value> {
    let frames = page.eval("return __frames.map(frame => frame.seen)").await;
    let mut seen: Vec<Value> = Vec::new();
    for titles in frames.as_array().expect("frames") {
        if seen.last() != Some(titles) {
            seen.push(titles.clone());
        }
    }
    seen
}

#[tokio::test]
async fn the_home_page_shows_before_the_app_runs_and_the_app_takes_its_place_unseen() {
    with_desktop_page(|page| async move {
        page.before_each_load(RECORDER).await;
        page.server.delay(".wasm", Duration::from_millis(1500));
        page.open_before_the_app("/").await;
        let before_the_app = page
            .eval(
                "return {
                   prerendered: !!document.getElementById('prerendered'),
                   hero: document.querySelector('.article-hero img').checkVisibility(),
                   loader: document.querySelector('.page-loader').checkVisibility(),
                 }",
            )
            .await;
        assert_eq!(
            before_the_app,
            json!({ "prerendered": true, "hero": true, "loader": false }),
            "the article, not a loader, before the wasm has even arrived"
        );
        let title = title_of(None);
        assert_eq!(titles_seen(&page).await, vec![json!([]), json!([title])]);
        let intro = article(None)["intro"][0]["paragraph"].clone();
        assert_eq!(page.text(".article-body > p").await, plain(&intro));
        // A reader presses a button before the app is ready: the app presses it again.
        page.click("#prerendered .reading-settings-button").await;

        page.wait_until(
            "the app's page replaces the pre-rendered one",
            "return !document.getElementById('prerendered')",
        )
        .await;
        page.wait_until_complete().await;
        assert_eq!(
            titles_seen(&page).await,
            vec![json!([]), json!([title])],
            "one title throughout, never two, never none"
        );
        assert_eq!(
            layout_shift(&page).await,
            0.0,
            "{}",
            page.eval("return __shifts").await
        );
        assert!(page.find_all(".page-loader").await.is_empty());
        let settings = page
            .eval(
                "const button = document.querySelector('.reading-settings-button');
                 return {
                   expanded: button.getAttribute('aria-expanded'),
                   panel: document.getElementById('reading-settings').checkVisibility(),
                   focused: document.activeElement === button,
                 }",
            )
            .await;
        assert_eq!(
            settings,
            json!({ "expanded": "true", "panel": true, "focused": true }),
            "the early press opened the panel, and focus is where the reader left it"
        );
        // And the rest of the app works.
        page.assert_the_first_answer_opens().await;
        // Without JavaScript the page says what it needs.
        let has_noscript = page
            .eval("return fetch('/').then(r => r.text()).then(t => t.includes('<noscript>'))")
            .await;
        assert_eq!(has_noscript, Value::Bool(true));
    })
    .await;
}

#[tokio::test]
async fn another_address_shows_the_loader_never_the_pre_rendered_home_page() {
    let second = SECOND_SLUG;
    // Unique headings get their text as their id (src/content/outline.rs).
    let heading = article(None)["sections"][1]["heading"].clone();
    let section = slugify(heading.as_str().expect("a plain heading"));
    let addresses = [
        (format!("/articles/{second}"), title_of(Some(second))),
        (format!("/#{section}"), title_of(None)),
    ];
    for (address, title) in addresses {
        with_desktop_page(|page| async move {
            page.before_each_load(RECORDER).await;
            page.server.delay(".wasm", Duration::from_millis(1500));
            page.open_before_the_app(&address).await;
            let loader = page
                .eval("return document.querySelector('#app .page-loader').checkVisibility()")
                .await;
            assert_eq!(loader, Value::Bool(true), "{address}: the loader shows");
            page.open(&address).await;
            page.wait_until_complete().await;
            assert_eq!(
                titles_seen(&page).await,
                vec![json!([]), json!([title])],
                "{address}: only its own page's title was ever seen"
            );
        })
        .await;
    }
}

/// The sum of the layout shifts so far, once two more frames have been drawn.
async fn layout_shift(page: &Page) -> f64 {
    page.eval(
        "return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() =>
           done(__shifts.reduce((sum, value) => sum + value, 0)))))",
    )
    .await
    .as_f64()
    .expect("a number")
}

#[tokio::test]
async fn where_the_app_paints_the_first_screen_the_title_comes_before_the_faq_and_footer() {
    with_page(1280, 900, |page| async move {
        page.before_each_load(RECORDER).await;
        page.open_complete(&format!("/articles/{}", home_slug()))
            .await;
        let frames = page.eval("return __frames").await;
        let frames = frames.as_array().expect("frames");
        let first_with_title = frames
            .iter()
            .find(|frame| frame["title"] == json!(true))
            .expect("a frame showed the title");
        assert_eq!(
            (&first_with_title["faq"], &first_with_title["footer"]),
            (&json!(false), &json!(false)),
            "the first frame with the app's title waits for nothing below the first screen"
        );
        assert!(
            frames
                .last()
                .is_some_and(|frame| frame["faq"] == json!(true)),
            "the FAQ follows"
        );
    })
    .await;
}

#[tokio::test]
async fn nothing_moves_while_the_rest_of_the_page_arrives() {
    let sizes = [(1280, 900), (360, 740)];
    for ((width, height), address) in sizes.into_iter().flat_map(|size| {
        [
            (size, "/".to_string()),
            (size, format!("/articles/{}", home_slug())),
            // Short: the page outgrows the window as its parts arrive, and a scrollbar that
            // takes room would then move everything sideways.
            (size, format!("/articles/{SECOND_SLUG}")),
        ]
    }) {
        with_page(1280, 900, |page| async move {
            page.set_viewport(width, height).await;
            page.before_each_load(RECORDER).await;
            page.open_complete(&address).await;
            let shift = layout_shift(&page).await;
            assert!(
                shift < 0.005,
                "layout shift {shift} at {width}x{height} on {address}: {}",
                page.eval("return __shifts").await
            );
            assert_eq!(
                page.eval("return !!document.querySelector('.site-footer')")
                    .await,
                Value::Bool(true)
            );
        })
        .await;
    }
}
