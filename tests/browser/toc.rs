//! The table of contents: entries, jumps, scroll-spy, deep links and the narrow-screen
//! disclosure.

use serde_json::Value;

use crate::support::{
    fixture_outline, home_slug, nav_named, with_browser, with_desktop_page, with_page, word, Page,
};
use clinic_content::words::Word;

/// The id of the home article's last section: far down the page.
fn far_section() -> String {
    let outline = fixture_outline(&home_slug());
    outline.sections.last().expect("sections").id.clone()
}

/// The id of the home article's first section.
fn first_section() -> String {
    fixture_outline(&home_slug()).sections[0].id.clone()
}

/// The id of a section in the middle of the home article.
fn middle_section() -> String {
    let outline = fixture_outline(&home_slug());
    outline.sections[outline.sections.len() / 2].id.clone()
}

/// The id of the home article's FAQ heading.
fn faq_id() -> String {
    fixture_outline(&home_slug())
        .faq
        .expect("the fixture has an FAQ")
        .id
}
/// JavaScript: `floor` is where the visible page starts: below the header when it sticks,
/// which the page declares as its scroll padding.
const FLOOR: &str =
    "const floor = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;";

async fn open(page: &Page, path: &str) {
    page.open(path).await;
}

async fn current_entries(page: &Page) -> Value {
    page.eval(
        "return [...document.querySelectorAll('nav.toc [aria-current]')]
            .map(a => [a.getAttribute('aria-current'), new URL(a.href).hash])",
    )
    .await
}

#[tokio::test]
async fn entries_follow_the_headings_nested_with_the_faq_last() {
    with_desktop_page(|page| async move {
        open(&page, "/").await;
        let nav = page.find(&nav_named(Word::TableOfContents)).await;
        assert_eq!(nav.attr("class").await.expect("class").as_deref(), Some("toc"));
        let entries = page
            .eval(
                "return [...document.querySelectorAll('nav.toc a')].map(a =>
                    [a.closest('ol').parentElement.closest('nav, li').tagName, a.textContent, new URL(a.href).hash])",
            )
            .await;
        let headings = page
            .eval(
                "return [...document.querySelectorAll('article h2, article h3')]
                    .filter(h => !h.closest('.faq-item, .key-points'))
                    .map(h => [h.tagName === 'H2' ? 'NAV' : 'LI', h.textContent, '#' + h.id])",
            )
            .await;
        assert_eq!(entries, headings, "one entry per heading, h3 entries nested under h2");
        let outline = fixture_outline(&home_slug());
        let mut expected = Vec::new();
        for section in &outline.sections {
            expected.push(serde_json::json!(["NAV", section.text, format!("#{}", section.id)]));
            for part in &section.children {
                expected.push(serde_json::json!(["LI", part.text, format!("#{}", part.id)]));
            }
        }
        expected.push(serde_json::json!([
            "NAV",
            outline.faq.as_ref().expect("an FAQ").text,
            format!("#{}", outline.faq.as_ref().expect("an FAQ").id)
        ]));
        assert_eq!(entries, Value::Array(expected), "the FAQ last");
    })
    .await;
}

#[tokio::test]
async fn activating_an_entry_scrolls_to_the_heading_sets_the_hash_and_moves_focus() {
    with_desktop_page(|page| async move {
        let far = far_section();
        open(&page, "/").await;
        page.click(&format!("nav.toc a[href$='#{far}']")).await;
        page.wait_until(
            "the heading is at the top of the window, below the header",
            &format!(
                "{FLOOR} const t = document.getElementById({far:?}).getBoundingClientRect().top;
                 return t >= floor && t < floor + 40"
            ),
        )
        .await;
        assert_eq!(
            page.eval("return location.hash").await,
            Value::String(format!("#{far}"))
        );
        assert_eq!(
            page.eval("return document.activeElement.id").await,
            Value::String(far.clone())
        );
        page.wait_until(
            "the scroll-spy marks the section",
            &format!(
                "return document.querySelector('nav.toc [aria-current=location]')
                    ?.hash === '#{far}'"
            ),
        )
        .await;
        assert_eq!(
            current_entries(&page).await.as_array().map(Vec::len),
            Some(1)
        );
    })
    .await;
}

#[tokio::test]
async fn scrolling_moves_the_current_marker_to_exactly_one_entry() {
    with_desktop_page(|page| async move {
        let far = far_section();
        let middle = middle_section();
        let faq = faq_id();
        open(&page, "/").await;
        assert_eq!(
            current_entries(&page).await,
            serde_json::json!([["location", format!("#{}", first_section())]]),
            "at the top, the first section"
        );
        for id in [&far, &middle, &faq] {
            page.eval(&format!(
                "const h = document.getElementById({id:?});
                 window.scrollTo(0, h.getBoundingClientRect().top + scrollY - 50)"
            ))
            .await;
            page.wait_until(
                &format!("{id} is marked"),
                &format!(
                    "const c = document.querySelectorAll('nav.toc [aria-current]');
                     return c.length === 1 && c[0].hash === '#{id}'
                        && c[0].getAttribute('aria-current') === 'location'"
                ),
            )
            .await;
        }
        assert_ne!(
            page.eval("return document.activeElement.tagName").await,
            Value::String("H2".into()),
            "scrolling never moves focus"
        );
    })
    .await;
}

#[tokio::test]
async fn a_deep_link_scrolls_to_its_section_on_load() {
    with_desktop_page(|page| async move {
        let far = far_section();
        for path in [
            format!("/#{far}"),
            format!("/articles/{}#{}", home_slug(), middle_section()),
        ] {
            page.open(&path).await;
            let id = path.rsplit('#').next().expect("id").to_string();
            page.wait_until(
                &format!("{path} scrolls to its heading"),
                &format!(
                    "{FLOOR} const h = document.getElementById({id:?});
                     const t = h && h.getBoundingClientRect().top;
                     return !!h && scrollY > 100 && t >= floor && t < floor + 40"
                ),
            )
            .await;
        }
    })
    .await;
}

#[tokio::test]
async fn an_unknown_deep_link_is_ignored() {
    with_desktop_page(|page| async move {
        let far = far_section();
        // On load: the page renders whole, at the top.
        open(&page, "/#no-such-section").await;
        assert_eq!(page.texts("h1").await.len(), 1);
        assert_eq!(page.eval("return scrollY").await, serde_json::json!(0));

        // Followed in the page: it stays where the reader is, focus included. The answer is
        // read once the app's own hashchange handler (registered first) and a frame have run.
        let before = page
            .eval(&format!(
                "document.getElementById({far:?}).scrollIntoView();
                 document.querySelector('.faq-question').focus();
                 return scrollY"
            ))
            .await;
        assert!(before.as_f64().expect("number") > 500.0, "{before}");
        let after = page
            .eval(
                "return new Promise(done => {
                   addEventListener('hashchange', () => requestAnimationFrame(() =>
                     done([scrollY, document.activeElement.className])), { once: true });
                   location.hash = '#still-no-such-section';
                 })",
            )
            .await;
        assert_eq!(after, serde_json::json!([before, "faq-question"]));
    })
    .await;
}

#[tokio::test]
async fn back_to_top_returns_to_the_title() {
    with_desktop_page(|page| async move {
        open(&page, "/").await;
        let link = page.find(".back-to-top a").await;
        assert_eq!(link.text().await.expect("text"), "Back to top");
        // Far down the page, where a reader wants it, clear of the sticky header.
        page.eval("document.querySelector('.back-to-top a').scrollIntoView({ block: 'center' })")
            .await;
        link.click().await.expect("click");
        page.wait_until(
            "the title is in view and focused",
            &format!(
                "{FLOOR} const t = document.querySelector('h1').getBoundingClientRect().top;
                 return t >= floor && t < floor + 40 && document.activeElement.tagName === 'H1'"
            ),
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn with_reduced_motion_a_jump_is_instant() {
    with_browser(
        1280,
        900,
        &["--force-prefers-reduced-motion"],
        |page| async move {
            let far = far_section();
            open(&page, "/").await;
            // Click and measure in the same task: a smooth scroll would not have moved yet.
            let offset = page
                .eval(&format!(
                    "document.querySelector(\"nav.toc a[href$='#{far}']\").click();
                     {FLOOR}
                     return document.getElementById({far:?}).getBoundingClientRect().top - floor"
                ))
                .await
                .as_f64()
                .expect("number");
            assert!(
                (0.0..40.0).contains(&offset),
                "instantly at the top: {offset}"
            );
        },
    )
    .await;
}

#[tokio::test]
async fn without_reduced_motion_a_jump_is_smooth() {
    with_desktop_page(|page| async move {
        let far = far_section();
        open(&page, "/").await;
        // Click, then note the scroll position at every frame until it settles: a smooth
        // jump passes through several positions on its way; an instant one, or none, does not.
        let positions = page
            .eval(&format!(
                "document.querySelector(\"nav.toc a[href$='#{far}']\").click();
                 const seen = [scrollY];
                 return new Promise(done => (function frame() {{
                   seen.push(scrollY);
                   const settled = seen.length > 10 && seen.slice(-5).every(y => y === scrollY);
                   if (settled || seen.length > 300) done(seen); else requestAnimationFrame(frame);
                 }})())"
            ))
            .await;
        let positions: Vec<f64> = serde_json::from_value(positions).expect("numbers");
        let mut distinct = positions.clone();
        distinct.dedup();
        assert!(
            distinct.len() >= 4 && distinct.windows(2).all(|pair| pair[0] < pair[1]),
            "a smooth, steady scroll down: {positions:?}"
        );
        let offset = page
            .eval(&format!(
                "{FLOOR} return document.getElementById({far:?}).getBoundingClientRect().top - floor"
            ))
            .await
            .as_f64()
            .expect("number");
        assert!((0.0..40.0).contains(&offset), "it arrives: {offset}");
    })
    .await;
}

#[tokio::test]
async fn on_a_phone_the_contents_are_a_collapsed_disclosure() {
    with_page(800, 900, |page| async move {
        page.set_viewport(360, 740).await;
        open(&page, "/").await;
        assert_eq!(page.eval("return innerWidth").await, serde_json::json!(360));
        let toggle = page.find("nav.toc button").await;
        assert_eq!(toggle.text().await.expect("text"), word(Word::Contents));
        assert_eq!(
            toggle.attr("aria-expanded").await.expect("attr").as_deref(),
            Some("false")
        );
        let list_shown =
            "return getComputedStyle(document.querySelector('.toc-list')).display !== 'none'";
        assert_eq!(page.eval(list_shown).await, Value::Bool(false));
        let before_body = page
            .eval(
                "return !!(document.querySelector('nav.toc').compareDocumentPosition(
                    document.querySelector('.article-body')) & Node.DOCUMENT_POSITION_FOLLOWING)",
            )
            .await;
        assert_eq!(before_body, Value::Bool(true), "above the body");

        toggle.click().await.expect("click");
        assert_eq!(
            toggle.attr("aria-expanded").await.expect("attr").as_deref(),
            Some("true")
        );
        assert_eq!(page.eval(list_shown).await, Value::Bool(true));

        // Keyboard: focus the button, Enter closes it again.
        page.eval("document.querySelector('nav.toc button').focus()")
            .await;
        toggle.send_keys("\u{E007}").await.expect("Enter");
        assert_eq!(
            toggle.attr("aria-expanded").await.expect("attr").as_deref(),
            Some("false")
        );
    })
    .await;
}

#[tokio::test]
async fn on_a_wide_screen_the_contents_stay_beside_the_article() {
    with_desktop_page(|page| async move {
        let far = far_section();
        let faq = faq_id();
        open(&page, "/").await;
        let layout = page
            .eval(
                "const nav = document.querySelector('nav.toc');
                 const s = getComputedStyle(nav);
                 return [s.position, getComputedStyle(document.querySelector('nav.toc button')).display,
                         nav.getBoundingClientRect().right <= document.querySelector('.article-body').getBoundingClientRect().left]",
            )
            .await;
        assert_eq!(layout, serde_json::json!(["sticky", "none", true]));
        page.eval(&format!(
            "document.getElementById({far:?}).scrollIntoView()"
        ))
        .await;
        let gap = page
            .eval(&format!(
                "{FLOOR} return document.querySelector('nav.toc').getBoundingClientRect().top - floor"
            ))
            .await
            .as_f64()
            .expect("number");
        assert!(gap.abs() < 1.0, "still in view, below the header, after scrolling: {gap}");
        let header = page
            .eval(&format!(
                "{FLOOR} const h = document.querySelector('.site-header').getBoundingClientRect();
                 const bar = document.querySelector('.site-header-bar').getBoundingClientRect();
                 return [getComputedStyle(document.querySelector('.site-header')).position,
                         bar.top, h.bottom <= floor + 0.5, floor > 0]"
            ))
            .await;
        assert_eq!(
            header,
            serde_json::json!(["sticky", 0, true, true]),
            "the sticky header's bar (its tools row scrolled away) fits the room kept for it"
        );

        // Far down the article, the sidebar has scrolled itself to show the current entry.
        let page_scroll = page
            .eval(&format!(
                "const h = document.getElementById('{faq}');
                 window.scrollTo(0, h.getBoundingClientRect().top + scrollY - 150); return scrollY"
            ))
            .await;
        page.wait_until(
            "the current entry is visible within the sidebar",
            &format!(
                "const nav = document.querySelector('nav.toc').getBoundingClientRect();
                 const a = document.querySelector('nav.toc [aria-current]');
                 if (!a || new URL(a.href).hash !== '#{faq}') return false;
                 const r = a.getBoundingClientRect();
                 return r.top >= nav.top && r.bottom <= nav.bottom"
            ),
        )
        .await;
        assert_eq!(page.eval("return scrollY").await, page_scroll, "the page itself did not move");
    })
    .await;
}
