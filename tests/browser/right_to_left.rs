//! A right-to-left page is the left-to-right page in a mirror: every box, padding and border
//! sits where the other direction's would with left and right swapped, every focus ring shows
//! whole, text aligns to the start and end of its lines as the reader's words name them, and
//! every reading mode passes axe at AAA. The pages are the language fixtures' right-to-left
//! articles (`tests/fixtures/languages/`).

use clinic_app::prefs::model::choices;
use clinic_app::prefs::STORAGE_KEY;
use clinic_content::language::{direction, Direction};
use clinic_content::words::Word;
use serde_json::{json, Value};

use crate::languages::{server, site_and_articles, words_in};
use crate::reading_settings::{assert_no_axe_violations, clipped_focus_rings};
use crate::support::{run_in_browser, Page};

/// The address and language of each right-to-left article.
fn right_to_left_pages() -> Vec<(String, String)> {
    let (site, articles) = site_and_articles();
    let pages: Vec<(String, String)> = articles
        .iter()
        .filter(|article| direction(site.language_of(article)) == Direction::RightToLeft)
        .map(|article| {
            (
                format!("/articles/{}/", article.slug),
                site.language_of(article).to_string(),
            )
        })
        .collect();
    assert!(!pages.is_empty(), "the fixtures have a right-to-left page");
    pages
}

/// Opens `path` with the reading settings `stored`, every answer and the settings panel open.
async fn open_all_shown(page: &Page, path: &str, stored: &str) {
    page.open(path).await;
    page.eval(&format!(
        "localStorage.setItem({STORAGE_KEY:?}, {stored:?})"
    ))
    .await;
    page.open(path).await;
    if !page.find_all(".faq-controls button").await.is_empty() {
        page.click(".faq-controls button").await;
    }
    page.click(".reading-settings-button").await;
    page.find("#reading-settings:not([hidden])").await;
}

/// Every box of the page that is laid out as a block, measured from the start of its lines
/// (the right edge of the window in a right-to-left page): its distances from the start
/// and end edges, its top and height, and its own padding and border at its start and end.
async fn boxes_from_the_start(page: &Page) -> Value {
    page.eval(
        "const width = document.documentElement.clientWidth;
         const rtl = getComputedStyle(document.documentElement).direction === 'rtl';
         const round = (n) => Math.round(n);
         return [...document.body.querySelectorAll('*')]
           .filter((e) => e.getClientRects().length && getComputedStyle(e).display !== 'inline'
             && !['SCRIPT', 'STYLE', 'BR'].includes(e.tagName))
           .map((e) => {
             const r = e.getBoundingClientRect();
             const s = getComputedStyle(e);
             const own = s.direction === 'rtl';
             // 'border*Width' at the start: borderRightWidth in a right-to-left box.
             const side = (property, start) =>
               parseFloat(s[property.replace('*', own === start ? 'Right' : 'Left')]);
             return {
               box: e.tagName.toLowerCase() + '.' + [...e.classList].join('.'),
               start: round(rtl ? width - r.right : r.left),
               end: round(rtl ? r.left : width - r.right),
               top: round(r.top + scrollY),
               height: round(r.height),
               padding: [side('padding*', true), side('padding*', false)].map(round),
               border: [side('border*Width', true), side('border*Width', false)].map(round),
             };
           })",
    )
    .await
}

#[tokio::test]
async fn the_page_mirrors_the_left_to_right_layout_box_for_box() {
    run_in_browser(server(), 1280, 900, &[], |page| async move {
        for (path, _) in right_to_left_pages() {
            for width in [1280, 390] {
                page.set_viewport(width, 900).await;
                // Without motion: the answers just opened are measured where they rest.
                open_all_shown(&page, &path, "motion=reduce").await;
                let mirrored = boxes_from_the_start(&page).await;
                page.eval("document.documentElement.dir = 'ltr'").await;
                let left_to_right = boxes_from_the_start(&page).await;
                let differences: Vec<String> = mirrored
                    .as_array()
                    .expect("boxes")
                    .iter()
                    .zip(left_to_right.as_array().expect("boxes"))
                    .filter(|(rtl, ltr)| rtl != ltr)
                    .map(|(rtl, ltr)| format!("right to left {rtl}\nleft to right {ltr}"))
                    .collect();
                assert_eq!(differences, Vec::<String>::new(), "{path} at {width} px");
            }
        }
    })
    .await;
}

#[tokio::test]
async fn the_contents_sit_on_the_start_side_and_every_focus_ring_shows_whole() {
    run_in_browser(server(), 1280, 900, &[], |page| async move {
        for (path, _) in right_to_left_pages() {
            open_all_shown(&page, &path, "").await;
            let sides = page
                .eval(
                    "const toc = document.querySelector('.toc').getBoundingClientRect();
                     const text = document.querySelector('.article-body').getBoundingClientRect();
                     return { contentsRightOfTheText: toc.left >= text.right }",
                )
                .await;
            assert_eq!(sides, json!({ "contentsRightOfTheText": true }), "{path}");
            for (width, settings) in [(1280, ""), (390, "text-size=200;spacing=wide")] {
                page.set_viewport(width, 900).await;
                open_all_shown(&page, &path, settings).await;
                assert_eq!(
                    clipped_focus_rings(&page, 80).await,
                    Vec::<String>::new(),
                    "{path} at {width} px, {settings:?}"
                );
            }
        }
    })
    .await;
}

/// Where the last line of the article's first paragraph sits in its box: its gaps to the
/// box's left and right edges, in whole pixels.
async fn last_line_gaps(page: &Page) -> (i64, i64) {
    let gaps = page
        .eval(
            "const p = document.querySelector('.article-body p');
             const range = document.createRange();
             range.selectNodeContents(p);
             const rects = [...range.getClientRects()];
             const bottom = Math.max(...rects.map((r) => r.bottom));
             const last = rects.filter((r) => r.bottom > bottom - 2);
             const box = p.getBoundingClientRect();
             const s = getComputedStyle(p);
             return [
               Math.round(Math.min(...last.map((r) => r.left)) - box.left - parseFloat(s.paddingLeft)),
               Math.round(box.right - parseFloat(s.paddingRight) - Math.max(...last.map((r) => r.right))),
             ]",
        )
        .await;
    serde_json::from_value(gaps).expect("two gaps")
}

#[tokio::test]
async fn text_aligns_to_the_start_centre_and_end_named_in_the_reader_s_words() {
    run_in_browser(server(), 1280, 900, &[], |page| async move {
        for (path, lang) in right_to_left_pages() {
            let words = words_in(&lang);
            open_all_shown(&page, &path, "").await;
            let labels = page
                .eval(
                    "return [...document.querySelectorAll('#reading-settings input[name=\"align\"]')]
                       .map((input) => input.closest('label').textContent)",
                )
                .await;
            let named = [Word::AlignStart, Word::AlignCenter, Word::AlignEnd].map(|w| words.text(w));
            assert_eq!(labels, json!(named), "{path}");
            for (index, label) in named.iter().enumerate() {
                page.eval(&format!(
                    "document.querySelectorAll('#reading-settings input[name=\"align\"]')[{index}].click()"
                ))
                .await;
                let (left, right) = last_line_gaps(&page).await;
                let aligned = match index {
                    // The start of a right-to-left line is on the right.
                    0 => right.abs() <= 1 && left > 1,
                    1 => (left - right).abs() <= 2,
                    _ => left.abs() <= 1 && right > 1,
                };
                assert!(aligned, "{path}, {label:?}: the last line is {left} px from the left and {right} px from the right");
            }
        }
    })
    .await;
}

#[tokio::test]
async fn axe_finds_nothing_in_any_reading_mode_even_at_aaa() {
    let mut modes: Vec<String> = choices()
        .iter()
        .flat_map(|(name, values)| {
            values[1..]
                .iter()
                .map(move |value| format!("{name}={value}"))
        })
        .collect();
    let others: Vec<String> = choices()
        .iter()
        .skip(1)
        .filter_map(|(name, values)| values.last().map(|value| format!("{name}={value}")))
        .collect();
    let (contrast, contrasts) = &choices()[0];
    modes.extend(
        contrasts[1..]
            .iter()
            .map(|value| format!("{contrast}={value};{}", others.join(";"))),
    );
    run_in_browser(server(), 1280, 900, &[], |page| async move {
        for (path, _) in right_to_left_pages() {
            for mode in &modes {
                open_all_shown(&page, &path, mode).await;
                assert_no_axe_violations(&page, &format!("{path} with {mode}")).await;
            }
        }
    })
    .await;
}
