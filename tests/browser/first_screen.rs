//! A phone's first screen is the article: the header is one compact row with the clinic's
//! name first, the title starts near the top and the article's opening words are on the first
//! screen; every header control works by keyboard and by touch, passes axe in every colour
//! mode and reflows at 320 px with 200% text; pictures follow dark mode. Screenshots of the
//! first screen are saved in `target/screenshots/` for a person to look at.

use serde_json::{json, Value};

use clinic_app::prefs::model::STORAGE_KEY;

use crate::support::{home_slug, repo_root, with_page, Page, ENTER, TAB};

/// The article's opening words: its key points, or else its introduction.
const OPENING_WORDS: &str = ".key-points li, .article-body > p";

const PHONE: (u32, u32) = (390, 844);
const DESKTOP: (u32, u32) = (1366, 900);

/// The header's controls, in the order a reader meets them.
const HEADER_CONTROLS: [&str; 6] = [
    ".site-name",
    "#site-search-input",
    ".reading-settings-button",
    ".site-library",
    ".site-actions .action-primary",
    ".site-actions a[href^='tel:']",
];

/// Where the first element matching `css` starts, from the top of the page, in CSS pixels.
async fn top_of(page: &Page, css: &str) -> f64 {
    page.eval(&format!(
        "const e = document.querySelector({css:?});
         return e ? e.getBoundingClientRect().top + scrollY : null"
    ))
    .await
    .as_f64()
    .unwrap_or_else(|| panic!("no {css}"))
}

/// Saves what the window shows, for a person to look at.
async fn screenshot(page: &Page, name: &str) {
    let folder = repo_root().join("target/screenshots");
    std::fs::create_dir_all(&folder).expect("a folder for screenshots");
    let png = page.client.screenshot().await.expect("a screenshot");
    std::fs::write(folder.join(format!("{name}.png")), png).expect("save the screenshot");
}

#[tokio::test]
async fn on_a_phone_the_title_and_the_articles_opening_words_are_on_the_first_screen() {
    with_page(PHONE.0, PHONE.1, |page| async move {
        page.set_viewport(PHONE.0, PHONE.1).await;
        for (name, address) in [
            ("home", "/".to_string()),
            ("article", format!("/articles/{}/", home_slug())),
        ] {
            // Before the app runs, and once it does: the same first screen.
            page.open_before_the_app(&address).await;
            let before = top_of(&page, "h1").await;
            page.wait_until_the_app_runs().await;
            assert_eq!(top_of(&page, "h1").await, before, "{address}: nothing moves");
            assert_eq!(
                page.eval("return document.querySelector('.announcement').checkVisibility()")
                    .await,
                json!(true),
                "as on a first visit, the announcement shows"
            );
            let title = top_of(&page, "h1").await;
            assert!(title <= 320.0, "{address}: the title starts at {title} px");
            let opening = top_of(&page, OPENING_WORDS).await;
            assert!(
                opening < f64::from(PHONE.1),
                "{address}: the opening words start at {opening} px"
            );
            // The trail stops at the page above: the title is right below it.
            assert_eq!(
                page.eval("return document.querySelector('.breadcrumbs [aria-current=page]').checkVisibility()")
                    .await,
                json!(false),
                "{address}: the trail does not repeat the title"
            );
            screenshot(&page, &format!("first-screen-{}x{}-{name}", PHONE.0, PHONE.1)).await;
        }
        page.open("/articles/").await;
        let card = top_of(&page, ".article-card").await;
        assert!(card < f64::from(PHONE.1), "the list's first card starts at {card} px");
    })
    .await;
}

#[tokio::test]
async fn on_a_desktop_the_header_is_one_row_and_the_trail_names_the_page() {
    with_page(DESKTOP.0, DESKTOP.1, |page| async move {
        page.set_viewport(DESKTOP.0, DESKTOP.1).await;
        page.open("/").await;
        assert_eq!(
            page.eval("return document.querySelector('.breadcrumbs [aria-current=page]').checkVisibility()")
                .await,
            json!(true)
        );
        screenshot(&page, &format!("first-screen-{}x{}-home", DESKTOP.0, DESKTOP.1)).await;
    })
    .await;
}

/// The vertical middle of each header control, and its box.
async fn header_boxes(page: &Page) -> Vec<Value> {
    let controls = serde_json::to_string(&HEADER_CONTROLS).expect("JSON");
    let boxes = page
        .eval(&format!(
            "return {controls}.map(css => {{
               const e = document.querySelector(css);
               const target = css === '#site-search-input' ? e.closest('form').querySelector('label') : e;
               const r = target.getBoundingClientRect();
               return {{ css, middle: r.top + r.height / 2, left: r.left, right: r.right,
                         width: r.width, height: r.height, shown: target.checkVisibility() }};
             }})"
        ))
        .await;
    boxes.as_array().expect("boxes").clone()
}

#[tokio::test]
async fn the_header_is_one_row_with_the_clinics_name_first_to_read_and_to_tab_to() {
    for (width, height) in [PHONE, DESKTOP] {
        with_page(width, height, |page| async move {
            page.set_viewport(width, height).await;
            page.open("/").await;
            let boxes = header_boxes(&page).await;
            let middles: Vec<f64> = boxes
                .iter()
                .map(|b| b["middle"].as_f64().expect("a middle"))
                .collect();
            let spread = middles.iter().cloned().fold(f64::MIN, f64::max)
                - middles.iter().cloned().fold(f64::MAX, f64::min);
            assert!(spread < 2.0, "{width} px: one row: {boxes:?}");
            let lefts: Vec<f64> = boxes
                .iter()
                .map(|b| b["left"].as_f64().expect("a left"))
                .collect();
            assert!(
                lefts.windows(2).all(|pair| pair[0] < pair[1]),
                "{width} px: in reading order, left to right: {boxes:?}"
            );
            // Reading order: the banner's first link is the clinic's name, the way home.
            let header = page.read_inside("banner").await;
            let first_link = header
                .iter()
                .find(|node| node["role"] == "link")
                .expect("a link in the header");
            let name = page.text(".site-name").await;
            assert_eq!(first_link["name"], json!(name), "{width} px: {first_link}");
            // Tab order: the same, control after control.
            page.eval("document.querySelector('.site-name').focus()")
                .await;
            for css in &HEADER_CONTROLS[1..] {
                page.press(TAB).await;
                let here = page
                    .eval(&format!("return document.activeElement.matches({css:?})"))
                    .await;
                assert_eq!(here, json!(true), "{width} px: Tab reaches {css} next");
            }
        })
        .await;
    }
}

#[tokio::test]
async fn on_a_phone_every_header_control_works_by_keyboard_and_by_touch() {
    with_page(PHONE.0, PHONE.1, |page| async move {
        page.set_viewport(PHONE.0, PHONE.1).await;
        page.open("/").await;
        // Keyboard: search opens over the row when Tab reaches it, and searches.
        page.eval("document.querySelector('.site-name').focus()")
            .await;
        page.press(TAB).await;
        let field = page
            .eval("const r = document.activeElement.getBoundingClientRect(); return r.width")
            .await;
        assert!(
            field.as_f64().expect("a width") > 200.0,
            "the field opens: {field}"
        );
        let word = page.text("h1").await;
        let word = word.split_whitespace().next().expect("a word").to_string();
        page.press(&format!("{word} ")).await;
        page.wait_until(
            "results show",
            "return document.querySelectorAll('.site-search-results a').length > 0",
        )
        .await;
        // The settings open with Enter.
        page.eval("document.querySelector('.reading-settings-button').focus()")
            .await;
        page.press(ENTER).await;
        assert_eq!(
            page.attr(".reading-settings-button", "aria-expanded")
                .await
                .as_deref(),
            Some("true")
        );
        page.press(ENTER).await;

        // Touch: each control is what a finger on its middle reaches, and does its work.
        page.enable_touch().await;
        for b in header_boxes(&page).await {
            let css = b["css"].as_str().expect("css");
            let (x, y) = (
                (b["left"].as_f64().expect("left") + b["right"].as_f64().expect("right")) / 2.0,
                b["middle"].as_f64().expect("middle"),
            );
            assert!(
                b["width"].as_f64() >= Some(44.0) && b["height"].as_f64() >= Some(44.0),
                "{css}: a 44 px target: {b}"
            );
            let reached = page
                .eval(&format!(
                    "const e = document.elementFromPoint({x}, {y});
                     const control = document.querySelector({css:?});
                     return control.contains(e) || (e.closest('label')
                       && e.closest('label').htmlFor === control.id)"
                ))
                .await;
            assert_eq!(reached, json!(true), "{css}: a tap on it reaches it");
        }
        let search = &header_boxes(&page).await[1];
        page.tap(
            (search["left"].as_f64().expect("left") + search["right"].as_f64().expect("right"))
                / 2.0,
            search["middle"].as_f64().expect("middle"),
        )
        .await;
        page.wait_until(
            "a tap on search opens the field",
            "return document.activeElement.id === 'site-search-input'
               && document.activeElement.getBoundingClientRect().width > 200",
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn on_a_phone_the_header_passes_axe_in_every_colour_mode() {
    with_page(PHONE.0, PHONE.1, |page| async move {
        page.set_viewport(PHONE.0, PHONE.1).await;
        page.open("/").await;
        for contrast in ["default", "high", "dark"] {
            page.eval(&format!(
                "document.documentElement.setAttribute('data-contrast', {contrast:?})"
            ))
            .await;
            assert_eq!(
                page.axe_violations().await,
                Vec::<String>::new(),
                "{contrast}"
            );
        }
    })
    .await;
}

#[tokio::test]
async fn at_320_px_with_200_percent_text_the_header_reflows_with_nothing_hidden() {
    with_page(PHONE.0, PHONE.1, |page| async move {
        page.set_viewport(320, 640).await;
        page.before_each_load(&format!(
            "localStorage.setItem({STORAGE_KEY:?}, 'text-size=200')"
        ))
        .await;
        page.open("/").await;
        assert_eq!(
            page.eval("return document.documentElement.scrollWidth <= innerWidth")
                .await,
            json!(true),
            "no sideways scrolling"
        );
        for b in header_boxes(&page).await {
            assert_eq!(b["shown"], json!(true), "{b}");
            assert!(
                b["left"].as_f64() >= Some(0.0) && b["right"].as_f64() <= Some(320.0),
                "inside the window: {b}"
            );
        }
    })
    .await;
}

#[tokio::test]
async fn in_dark_mode_an_illustration_follows_the_colours_and_a_photograph_is_not_inverted() {
    with_page(DESKTOP.0, DESKTOP.1, |page| async move {
        page.open("/").await;
        let filter =
            |css: &str| format!("return getComputedStyle(document.querySelector({css:?})).filter");
        let light = page.eval(&filter(".article-hero img")).await;
        page.eval("document.documentElement.setAttribute('data-contrast', 'dark')")
            .await;
        let dark = page.eval(&filter(".article-hero img")).await;
        assert_eq!(light, json!("none"));
        assert!(
            dark.as_str().is_some_and(|f| f.contains("invert")),
            "the illustration takes dark colours: {dark}"
        );
        assert_eq!(
            page.eval(&filter(".byline-photo")).await,
            json!("none"),
            "a person's photograph is never changed"
        );
        // A photograph as the hero: dimmed at most, never inverted.
        let dimmed = page
            .eval(
                "const img = document.querySelector('.article-hero img');
                 img.src = img.src.replace(/[^/]+$/, 'fixture-card.png');
                 return getComputedStyle(img).filter",
            )
            .await;
        assert!(
            dimmed.as_str().is_some_and(|f| !f.contains("invert")),
            "{dimmed}"
        );
    })
    .await;
}
