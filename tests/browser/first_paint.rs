//! The first paint and what follows it: the first screen paints before the rest of the page is
//! built, and nothing moves while the rest arrives.

use serde_json::{json, Value};

use crate::support::{with_page, Page};

/// Records, before the page's own scripts run, every layout shift and what each animation
/// frame (the moment before a paint) found in the page.
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
        title: !!document.querySelector('h1'),
        faq: !!document.querySelector('.faq'),
        footer: !!document.querySelector('.site-footer'),
      });
      if (__frames.length < 2000) requestAnimationFrame(frame);
    })();";

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
async fn the_title_paints_before_the_faq_and_footer_are_built() {
    with_page(1280, 900, |page| async move {
        page.before_each_load(RECORDER).await;
        page.open_complete("/").await;
        let frames = page.eval("return __frames").await;
        let frames = frames.as_array().expect("frames");
        let first_with_title = frames
            .iter()
            .find(|frame| frame["title"] == json!(true))
            .expect("a frame showed the title");
        assert_eq!(
            (&first_with_title["faq"], &first_with_title["footer"]),
            (&json!(false), &json!(false)),
            "the first frame with the title waits for nothing below the first screen"
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
    for (width, height) in [(1280, 900), (360, 740)] {
        with_page(1280, 900, |page| async move {
            page.set_viewport(width, height).await;
            page.before_each_load(RECORDER).await;
            page.open_complete("/").await;
            let shift = layout_shift(&page).await;
            assert!(
                shift < 0.005,
                "layout shift {shift} at {width}x{height}: {}",
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
