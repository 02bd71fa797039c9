//! Reading settings: every control, persistence, the system's wishes, blocked and corrupt
//! storage, reflow, read-aloud, and the axe-core audit in each reading mode.

use serde_json::{json, Value};

use crate::support::{block_texts, content_json, with_desktop_page, with_page, word, Page};
use clinic_content::words::{fill, Word};

const KEY: &str = "clinic-article:reading-settings:v1";

async fn open(page: &Page) {
    page.open("/").await;
}

async fn open_panel(page: &Page) {
    page.click(".reading-settings-button").await;
    page.find("#reading-settings:not([hidden])").await;
}

/// How the panel says the text size `percent` ("Text size 120%"), in the site's words.
fn text_size_of(percent: u32) -> String {
    let value = fill(&word(Word::Percent), &[("percent", &percent.to_string())]);
    format!("{} {value}", word(Word::TextSize))
}

/// What the text size's live region says (the number is what shows).
async fn text_size_said(page: &Page) -> String {
    let said = page
        .eval("return document.querySelector('.text-size-value').textContent")
        .await;
    said.as_str().expect("text").to_string()
}

async fn html_attr(page: &Page, name: &str) -> Value {
    page.eval(&format!(
        "return document.documentElement.getAttribute('data-{name}')"
    ))
    .await
}

async fn click_button(page: &Page, label: Word) {
    let label = word(label);
    page.eval(&format!(
        "const b = [...document.querySelectorAll('#reading-settings button')]
            .find(b => b.textContent.trim().endsWith({label:?}));
         if (!b) throw new Error('no button ' + {label:?});
         b.click()"
    ))
    .await;
}

async fn choose(page: &Page, legend: Word, label: Word) {
    let (legend, label) = (word(legend), word(label));
    page.eval(&format!(
        "const group = [...document.querySelectorAll('#reading-settings fieldset')]
            .find(f => f.querySelector('legend').textContent === {legend:?});
         const choice = [...group.querySelectorAll('label')].find(l => l.textContent === {label:?});
         choice.click()"
    ))
    .await;
}

async fn pressed(page: &Page, label: Word) -> Value {
    let label = word(label);
    page.eval(&format!(
        "return [...document.querySelectorAll('#reading-settings button')]
            .find(b => b.textContent.trim().endsWith({label:?})).getAttribute('aria-pressed')"
    ))
    .await
}

async fn checked(page: &Page, legend: Word) -> Value {
    let legend = word(legend);
    page.eval(&format!(
        "const group = [...document.querySelectorAll('#reading-settings fieldset')]
            .find(f => f.querySelector('legend').textContent === {legend:?});
         return [...group.querySelectorAll('label')].filter(l => l.querySelector('input').checked)
            .map(l => l.textContent)"
    ))
    .await
}

async fn style_of(page: &Page, selector: &str, property: &str) -> Value {
    page.eval(&format!(
        "return getComputedStyle(document.querySelector({selector:?})).getPropertyValue({property:?})"
    ))
    .await
}

#[tokio::test]
async fn the_button_opens_the_panel_and_escape_closes_it_returning_focus() {
    with_desktop_page(|page| async move {
        open(&page).await;
        let button = page
            .find(".site-header button.reading-settings-button")
            .await;
        let label = button.text().await.expect("text");
        assert!(label.ends_with(&word(Word::ReadingSettings)), "{label:?}");
        assert_eq!(
            button.attr("aria-expanded").await.expect("attr").as_deref(),
            Some("false")
        );
        assert_eq!(
            button.attr("aria-controls").await.expect("attr").as_deref(),
            Some("reading-settings")
        );

        // Keyboard only: focus the button, Enter opens, Tab moves into the panel, Escape closes.
        page.eval("document.querySelector('.reading-settings-button').focus()")
            .await;
        button.send_keys("\u{E007}").await.expect("Enter");
        assert_eq!(
            button.attr("aria-expanded").await.expect("attr").as_deref(),
            Some("true")
        );
        page.find("#reading-settings:not([hidden])").await;
        let first_radio = page.find("#reading-settings input[type=radio]").await;
        first_radio.send_keys("\u{E00C}").await.expect("Escape");
        assert_eq!(
            button.attr("aria-expanded").await.expect("attr").as_deref(),
            Some("false")
        );
        assert_eq!(
            page.eval(
                "return document.activeElement.classList.contains('reading-settings-button')"
            )
            .await,
            json!(true)
        );
        assert_eq!(
            page.eval("return document.getElementById('reading-settings').hidden")
                .await,
            json!(true)
        );
    })
    .await;
}

#[tokio::test]
async fn color_contrast_switches_between_default_high_and_dark() {
    with_desktop_page(|page| async move {
        open(&page).await;
        open_panel(&page).await;
        assert_eq!(
            checked(&page, Word::ColorContrast).await,
            json!([word(Word::ContrastDefault)])
        );
        assert_eq!(html_attr(&page, "contrast").await, json!("default"));

        choose(&page, Word::ColorContrast, Word::ContrastHigh).await;
        assert_eq!(html_attr(&page, "contrast").await, json!("high"));
        assert_eq!(
            checked(&page, Word::ColorContrast).await,
            json!([word(Word::ContrastHigh)])
        );
        assert_eq!(
            style_of(&page, "body", "color").await,
            json!("rgb(0, 0, 0)")
        );

        choose(&page, Word::ColorContrast, Word::ContrastDark).await;
        assert_eq!(html_attr(&page, "contrast").await, json!("dark"));
        assert_eq!(
            style_of(&page, "body", "background-color").await,
            json!("rgb(17, 20, 23)")
        );
        assert_eq!(
            checked(&page, Word::ColorContrast).await,
            json!([word(Word::ContrastDark)])
        );
    })
    .await;
}

#[tokio::test]
async fn bigger_text_steps_up_to_200_percent_and_back_down() {
    with_desktop_page(|page| async move {
        open(&page).await;
        open_panel(&page).await;
        let base = style_of(&page, "h1", "font-size").await;
        for _ in 0..7 {
            click_button(&page, Word::BiggerText).await;
        }
        assert_eq!(html_attr(&page, "text-size").await, json!("200"));
        assert_eq!(text_size_said(&page).await, text_size_of(200));
        assert_eq!(style_of(&page, "html", "font-size").await, json!("32px"));
        let bigger = style_of(&page, "h1", "font-size").await;
        assert_ne!(bigger, base, "headings scale too");
        let bigger_button = format!(
            "[...document.querySelectorAll('#reading-settings button')]
               .find(b => b.textContent === {:?}).getAttribute('aria-disabled')",
            word(Word::BiggerText)
        );
        assert_eq!(
            page.eval(&format!("return {bigger_button}")).await,
            json!("true")
        );
        click_button(&page, Word::SmallerText).await;
        assert_eq!(text_size_said(&page).await, text_size_of(180));
        assert_eq!(
            page.eval(&format!("return {bigger_button}")).await,
            Value::Null
        );
    })
    .await;
}

#[tokio::test]
async fn text_align_left_center_and_right() {
    with_desktop_page(|page| async move {
        open(&page).await;
        open_panel(&page).await;
        assert_eq!(
            checked(&page, Word::TextAlign).await,
            json!([word(Word::AlignStart)])
        );
        for (label, value) in [
            (Word::AlignCenter, "center"),
            (Word::AlignEnd, "end"),
            (Word::AlignStart, "start"),
        ] {
            choose(&page, Word::TextAlign, label).await;
            assert_eq!(
                style_of(&page, ".article-body p", "text-align").await,
                json!(value)
            );
        }
        assert_eq!(html_attr(&page, "align").await, json!("start"));
    })
    .await;
}

#[tokio::test]
async fn spacing_font_links_and_motion_are_toggles_with_aria_pressed() {
    with_desktop_page(|page| async move {
        open(&page).await;
        let fonts_loaded = "return performance.getEntriesByType('resource')
            .filter(e => e.name.endsWith('.woff2')).length";
        assert_eq!(
            page.eval(fonts_loaded).await,
            json!(0),
            "the font loads only when chosen"
        );
        open_panel(&page).await;
        for (label, attribute, on) in [
            (Word::TextSpacing, "spacing", "wide"),
            (Word::ReadableFont, "font", "readable"),
            (Word::HighlightLinks, "links", "highlight"),
            (Word::ReduceMotion, "motion", "reduce"),
        ] {
            assert_eq!(pressed(&page, label).await, json!("false"), "{label:?}");
            click_button(&page, label).await;
            assert_eq!(pressed(&page, label).await, json!("true"), "{label:?}");
            assert_eq!(html_attr(&page, attribute).await, json!(on), "{label:?}");
        }
        let spacing = page
            .eval(
                "const s = getComputedStyle(document.querySelector('.article-body p'));
                   return [s.lineHeight, s.letterSpacing, s.wordSpacing, s.marginBottom,
                           parseFloat(s.fontSize)]",
            )
            .await;
        let font_size = spacing[4].as_f64().expect("size");
        let px = |v: &Value| {
            v.as_str()
                .expect("px")
                .trim_end_matches("px")
                .parse::<f64>()
                .expect("number")
        };
        assert!(px(&spacing[0]) >= 1.5 * font_size, "line height {spacing}");
        assert!(
            px(&spacing[1]) >= 0.12 * font_size - 0.01,
            "letter spacing {spacing}"
        );
        assert!(
            px(&spacing[2]) >= 0.16 * font_size - 0.01,
            "word spacing {spacing}"
        );
        assert!(
            px(&spacing[3]) >= 2.0 * font_size - 0.01,
            "paragraph spacing {spacing}"
        );
        page.wait_until(
            "the readable font is in use",
            "return document.fonts.check('16px \"Atkinson Hyperlegible\"') &&
                getComputedStyle(document.body).fontFamily.startsWith('\"Atkinson Hyperlegible\"')",
        )
        .await;
        assert_eq!(
            style_of(&page, ".article-body a", "background-color").await,
            json!("rgb(255, 233, 77)")
        );
        assert_eq!(
            style_of(&page, ".faq-answer", "transition-duration").await,
            json!("0s")
        );

        click_button(&page, Word::ResetToDefaults).await;
        for label in [
            Word::TextSpacing,
            Word::ReadableFont,
            Word::HighlightLinks,
            Word::ReduceMotion,
        ] {
            assert_eq!(
                pressed(&page, label).await,
                json!("false"),
                "{label:?} after reset"
            );
        }
        assert_eq!(html_attr(&page, "spacing").await, json!("normal"));
        assert_eq!(
            page.eval(&format!("return localStorage.getItem({KEY:?})"))
                .await,
            Value::Null
        );
    })
    .await;
}

#[tokio::test]
async fn settings_persist_and_apply_before_the_first_paint() {
    with_desktop_page(|page| async move {
        open(&page).await;
        open_panel(&page).await;
        choose(&page, Word::ColorContrast, Word::ContrastHigh).await;
        click_button(&page, Word::BiggerText).await;
        click_button(&page, Word::BiggerText).await;
        click_button(&page, Word::ReadableFont).await;
        let stored = page
            .eval(&format!("return localStorage.getItem({KEY:?})"))
            .await;
        assert!(
            stored.as_str().expect("saved").contains("contrast=high"),
            "{stored}"
        );

        // Reload with the app held back: the pre-rendered page already wears the reader's
        // settings.
        page.bypass_cache().await;
        let app = page.server.hold(".wasm");
        page.open_before_the_app("/").await;
        page.find("html:not([data-app-ready]) .article-body").await;
        assert_eq!(html_attr(&page, "contrast").await, json!("high"));
        assert_eq!(html_attr(&page, "text-size").await, json!("140"));
        assert_eq!(
            style_of(&page, ".article-body p", "color").await,
            json!("rgb(0, 0, 0)")
        );
        assert_eq!(style_of(&page, "html", "font-size").await, json!("22.4px"));

        app.release();
        page.wait_until_the_app_runs().await;
        open_panel(&page).await;
        assert_eq!(
            checked(&page, Word::ColorContrast).await,
            json!([word(Word::ContrastHigh)])
        );
        assert_eq!(text_size_said(&page).await, text_size_of(140));
        assert_eq!(pressed(&page, Word::ReadableFont).await, json!("true"));
    })
    .await;
}

#[tokio::test]
async fn with_nothing_saved_the_system_wishes_apply() {
    with_desktop_page(|page| async move {
        for (feature, value, attribute, expected) in [
            ("prefers-contrast", "more", "contrast", "high"),
            ("prefers-color-scheme", "dark", "contrast", "dark"),
            ("prefers-reduced-motion", "reduce", "motion", "reduce"),
        ] {
            page.emulate_media("", &[(feature, value)]).await;
            open(&page).await;
            assert_eq!(
                html_attr(&page, attribute).await,
                json!(expected),
                "{feature}"
            );
            assert_eq!(
                page.eval(&format!("return localStorage.getItem({KEY:?})"))
                    .await,
                Value::Null,
                "following the system saves nothing"
            );
        }
    })
    .await;
}

#[tokio::test]
async fn a_system_change_while_reading_is_followed_until_the_reader_chooses() {
    with_desktop_page(|page| async move {
        open(&page).await;
        assert_eq!(html_attr(&page, "contrast").await, json!("default"));
        page.emulate_media("", &[("prefers-color-scheme", "dark")])
            .await;
        page.wait_until(
            "the page turns dark with the system",
            "return document.documentElement.dataset.contrast === 'dark'",
        )
        .await;
        open_panel(&page).await;
        choose(&page, Word::ColorContrast, Word::ContrastHigh).await;
        // Hear the system's change too, one frame after the app has: only then is "still
        // high" an answer.
        page.eval(
            "window.__heard = false;
             matchMedia('(prefers-color-scheme: dark)').addEventListener('change',
               () => requestAnimationFrame(() => { __heard = true; }))",
        )
        .await;
        page.emulate_media("", &[("prefers-color-scheme", "light")])
            .await;
        page.wait_until("the page has heard the change", "return __heard")
            .await;
        assert_eq!(html_attr(&page, "contrast").await, json!("high"));
    })
    .await;
}

#[tokio::test]
async fn blocked_storage_falls_back_to_defaults_and_the_controls_still_work() {
    with_desktop_page(|page| async move {
        page.before_each_load(
            "Object.defineProperty(window, 'localStorage', {
               get() { throw new DOMException('blocked', 'SecurityError'); } });",
        )
        .await;
        open(&page).await;
        assert_eq!(html_attr(&page, "contrast").await, json!("default"));
        open_panel(&page).await;
        choose(&page, Word::ColorContrast, Word::ContrastHigh).await;
        assert_eq!(html_attr(&page, "contrast").await, json!("high"));
        click_button(&page, Word::BiggerText).await;
        assert_eq!(text_size_said(&page).await, text_size_of(120));
        assert!(page.find_all(".load-error").await.is_empty());
    })
    .await;
}

#[tokio::test]
async fn corrupt_or_old_stored_values_fall_back_to_defaults() {
    with_desktop_page(|page| async move {
        open(&page).await;
        for junk in [
            "{\"contrast\":\"high\"}",
            "contrast=<script>;text-size=9000",
            "\u{0}",
        ] {
            page.eval(&format!("localStorage.setItem({KEY:?}, {junk:?})"))
                .await;
            open(&page).await;
            assert_eq!(
                html_attr(&page, "contrast").await,
                json!("default"),
                "{junk:?}"
            );
            assert_eq!(
                html_attr(&page, "text-size").await,
                json!("100"),
                "{junk:?}"
            );
        }
    })
    .await;
}

#[tokio::test]
async fn at_320_px_with_200_percent_text_nothing_scrolls_sideways() {
    with_page(800, 900, |page| async move {
        page.set_viewport(320, 640).await;
        open(&page).await;
        page.eval(&format!(
            "localStorage.setItem({KEY:?}, 'text-size=200;spacing=wide')"
        ))
        .await;
        open(&page).await;
        assert_eq!(page.eval("return innerWidth").await, json!(320));
        let overflow =
            "const root = document.documentElement; return root.scrollWidth - root.clientWidth";
        assert_eq!(
            page.eval(overflow).await,
            json!(0),
            "200% text and wide spacing"
        );
        open_panel(&page).await;
        page.eval(
            "document.querySelector('.toc-toggle').click();
                   document.querySelectorAll('.faq-question').forEach(b => b.click())",
        )
        .await;
        assert_eq!(page.eval(overflow).await, json!(0), "with every part open");

        // WCAG 1.4.12's own test styles, on top of everything.
        page.eval(
            "const s = document.createElement('style');
             s.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important;'
               + ' word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
             document.head.append(s);",
        )
        .await;
        assert_eq!(
            page.eval(overflow).await,
            json!(0),
            "with WCAG text spacing"
        );
    })
    .await;
}

#[tokio::test]
async fn controls_are_at_least_24_px_and_labels_do_not_change() {
    with_desktop_page(|page| async move {
        open(&page).await;
        open_panel(&page).await;
        let labels = "return [...document.querySelectorAll('#reading-settings button')].map(b => b.textContent)";
        let before = page.eval(labels).await;
        let small = page
            .eval(
                "return [...document.querySelectorAll('#reading-settings :is(button, label)')]
                    .map(e => [e.textContent, e.getBoundingClientRect()])
                    .filter(([, r]) => r.width < 24 || r.height < 24).map(([t]) => t)",
            )
            .await;
        assert_eq!(small, json!([]));
        click_button(&page, Word::TextSpacing).await;
        click_button(&page, Word::BiggerText).await;
        assert_eq!(page.eval(labels).await, before, "state shows in aria-pressed, not the label");
    })
    .await;
}

#[tokio::test]
async fn read_aloud_reads_from_the_current_section_with_pause_and_stop() {
    with_desktop_page(|page| async move {
        page.before_each_load(
            "window.__speech = { spoken: [], calls: [] };
             Object.defineProperty(window, 'speechSynthesis', { value: {
               speak(u) { __speech.spoken.push(u.text); },
               cancel() { __speech.calls.push('cancel'); },
               pause() { __speech.calls.push('pause'); },
               resume() { __speech.calls.push('resume'); },
             } });",
        )
        .await;
        open(&page).await;
        page.eval(
            "const h = document.getElementById('when-a-painful-walk-needs-a-doctor');
             window.scrollTo(0, h.getBoundingClientRect().top + scrollY - 20)",
        )
        .await;
        page.wait_until(
            "the scroll-spy reaches the section",
            "return document.querySelector('nav.toc [aria-current]')?.hash
                === '#when-a-painful-walk-needs-a-doctor'",
        )
        .await;
        open_panel(&page).await;
        click_button(&page, Word::ReadAloud).await;
        // The article's own words from that section on, to the last answer: no controls,
        // contents entries or "Back to top".
        let article = content_json(&format!("articles/{}.json", crate::support::home_slug()));
        let callout = &article["sections"][5];
        let mut expected = vec![callout["heading"].as_str().expect("heading").to_string()];
        expected.extend(block_texts(&callout["body"]));
        expected.push(
            article["faq"]["heading"]
                .as_str()
                .expect("heading")
                .to_string(),
        );
        for item in article["faq"]["items"].as_array().expect("items") {
            expected.push(item["question"].as_str().expect("question").to_string());
            expected.extend(block_texts(&item["answer"]));
        }
        assert_eq!(page.eval("return __speech.spoken").await, json!(expected));
        assert_eq!(pressed(&page, Word::ReadAloud).await, json!("true"));

        click_button(&page, Word::Pause).await;
        assert_eq!(pressed(&page, Word::Pause).await, json!("true"));
        click_button(&page, Word::Pause).await;
        click_button(&page, Word::Stop).await;
        assert_eq!(
            page.eval("return __speech.calls").await,
            json!(["cancel", "pause", "resume", "cancel"])
        );
        assert_eq!(pressed(&page, Word::ReadAloud).await, json!("false"));
    })
    .await;
}

#[tokio::test]
async fn read_aloud_is_hidden_without_speech_synthesis() {
    with_desktop_page(|page| async move {
        page.before_each_load(
            "delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;",
        )
        .await;
        open(&page).await;
        open_panel(&page).await;
        assert!(page.find_all(".read-aloud").await.is_empty());
        assert!(!page
            .find_all("#reading-settings .setting-toggle")
            .await
            .is_empty());
    })
    .await;
}

pub(crate) async fn assert_no_axe_violations(page: &Page, scenario: &str) {
    let violations = page.axe_violations().await;
    assert!(
        violations.is_empty(),
        "{scenario}:\n{}",
        violations.join("\n")
    );
}

#[tokio::test]
async fn axe_finds_nothing_at_aaa_contrast_in_the_default_mode_and_with_every_answer_open() {
    with_desktop_page(|page| async move {
        open(&page).await;
        assert_no_axe_violations(&page, "default mode").await;
        page.click(".faq-controls button").await;
        open_panel(&page).await;
        assert_no_axe_violations(&page, "every FAQ answer and the settings open").await;
    })
    .await;
}

#[tokio::test]
async fn axe_finds_nothing_with_the_largest_text_on_a_360_px_screen() {
    with_page(800, 900, |page| async move {
        page.set_viewport(360, 740).await;
        open(&page).await;
        page.eval(&format!("localStorage.setItem({KEY:?}, 'text-size=200')"))
            .await;
        open(&page).await;
        assert_eq!(html_attr(&page, "text-size").await, json!("200"));
        page.eval("document.querySelector('.toc-toggle').click()")
            .await;
        assert_no_axe_violations(&page, "200% text at 360 px").await;
    })
    .await;
}

#[tokio::test]
async fn axe_finds_nothing_in_high_contrast_or_dark_even_at_aaa() {
    with_desktop_page(|page| async move {
        open(&page).await;
        for label in [Word::ContrastHigh, Word::ContrastDark] {
            open_panel(&page).await;
            choose(&page, Word::ColorContrast, label).await;
            // By script: the open panel may cover the button, whatever length its words are.
            page.eval("document.querySelector('.faq-controls button').click()")
                .await;
            assert_no_axe_violations(&page, &word(label)).await;
            open(&page).await;
        }
    })
    .await;
}

#[tokio::test]
async fn before_the_app_runs_the_inline_script_applies_what_the_model_would() {
    use clinic_app::prefs::model::{SystemPreferences, DARK, MORE_CONTRAST, REDUCED_MOTION};
    use clinic_app::prefs::ReadingSettings;
    with_desktop_page(|page| async move {
        // The app never starts here: only the inline script sets the attributes.
        let _app = page.server.hold(".wasm");
        page.open_before_the_app("/").await;
        let stored_values = [
            "contrast=high;text-size=160;align=right;spacing=wide;font=readable;links=highlight;motion=reduce",
            "align=left;contrast=dark",
            "align=end",
            "contrast=purple;text-size=999;align=justify;spacing=yes;font=comic;links=1;motion=0",
            "text-size=0140;text-size=120; align = center ;contrast=dark=high;=;;garbage",
            "{\"contrast\":\"high\"}",
            "contrast=<script>",
            "\u{0}\u{ffff}",
            "",
        ];
        let systems: [&[&str]; 3] = [&[], &[DARK, REDUCED_MOTION], &[MORE_CONTRAST, DARK]];
        for wishes in systems {
            let features: Vec<(&str, &str)> = [
                ("prefers-contrast", if wishes.contains(&MORE_CONTRAST) { "more" } else { "no-preference" }),
                ("prefers-color-scheme", if wishes.contains(&DARK) { "dark" } else { "light" }),
                ("prefers-reduced-motion", if wishes.contains(&REDUCED_MOTION) { "reduce" } else { "no-preference" }),
            ]
            .into();
            page.emulate_media("", &features).await;
            let system = SystemPreferences::new(|query| wishes.contains(&query));
            for stored in stored_values {
                page.eval(&format!("localStorage.setItem({KEY:?}, {stored:?})")).await;
                page.open_before_the_app("/").await;
                page.find(".article-body").await;
                let expected: serde_json::Map<String, Value> = ReadingSettings::parse(stored, system)
                    .attributes()
                    .into_iter()
                    .map(|(name, value)| (name.to_string(), Value::String(value)))
                    .collect();
                let names: Vec<&String> = expected.keys().collect();
                let applied = page
                    .eval(&format!(
                        "return Object.fromEntries({}
                           .map(name => [name, document.documentElement.getAttribute('data-' + name)]))",
                        json!(names)
                    ))
                    .await;
                assert_eq!(applied, Value::Object(expected), "{stored:?} with {wishes:?}");
            }
        }
    })
    .await;
}

/// Window sizes and reading modes the geometry checks run in: a desktop and a phone, each in
/// the default mode, high contrast, and the readable font with wide spacing and large text.
const SIZES_AND_MODES: [((u32, u32), &str); 6] = [
    ((1280, 900), ""),
    ((1280, 900), "contrast=high"),
    ((1280, 900), "font=readable;spacing=wide;text-size=160"),
    ((360, 740), ""),
    ((360, 740), "contrast=dark"),
    ((360, 740), "font=readable;spacing=wide;text-size=160"),
];

/// Every control, and every link that stands on its own (not a few words inside a sentence),
/// that is too small to hit: WCAG 2.5.5's 44 x 44 CSS pixels.
async fn small_targets(page: &Page) -> Value {
    page.eval(
        "const blocks = 'p, li, h1, h2, h3, h4, dt, dd, td, th, address, nav, div';
         const standalone = a => {
           const block = a.parentElement.closest(blocks);
           return !block || block.textContent.replace(/[\\s›·|]/g, '') === a.textContent.replace(/\\s/g, '');
         };
         const targets = [...document.querySelectorAll(
             'button, input, select, summary, [role=button], [tabindex]:not([tabindex=\"-1\"]), a[href]')]
           .filter(e => e.checkVisibility() && (e.tagName !== 'A' || standalone(e)));
         return targets
           // A field's label takes the click too: the pair is the target.
           .map(e => [e, (e.labels?.[0]?.contains(e) ? e.labels[0] : e).getBoundingClientRect()])
           .filter(([, r]) => r.width < 44 || r.height < 44)
           .map(([e, r]) => `${e.tagName.toLowerCase()}.${e.className} \"${e.textContent.trim().slice(0, 30)}\" ${Math.round(r.width)}x${Math.round(r.height)}`);",
    )
    .await
}

#[tokio::test]
async fn every_control_and_standalone_link_is_at_least_44_px_square() {
    let articles = crate::support::fixture_articles();
    let category = crate::support::fixture_library().categories()[0]
        .slug
        .clone();
    let letter = articles[0]
        .title
        .chars()
        .next()
        .expect("a title")
        .to_ascii_lowercase();
    let addresses = [
        "/".to_string(),
        "/articles/".to_string(),
        format!("/categories/{category}/"),
        "/a-z/".to_string(),
        format!("/a-z/{letter}/"),
        "/no-such-page/".to_string(),
    ];
    with_page(1280, 900, |page| async move {
        for ((width, height), settings) in SIZES_AND_MODES {
            page.set_viewport(width, height).await;
            for address in &addresses {
                page.open(address).await;
                page.eval(&format!("localStorage.setItem({KEY:?}, {settings:?})"))
                    .await;
                page.open(address).await;
                page.click(".reading-settings-button").await;
                if width < 1000 {
                    page.eval("document.querySelector('.toc-toggle')?.click()")
                        .await;
                }
                page.eval("document.querySelector('.faq-controls button')?.click()")
                    .await;
                assert_eq!(
                    small_targets(&page).await,
                    json!([]),
                    "{address} at {width} px"
                );
                page.press("\u{E00C}").await;
            }
        }
    })
    .await;
}

/// The longest line of the article's paragraphs and list items, in characters, and the
/// smallest paragraph spacing in line heights.
async fn line_length_and_paragraph_spacing(page: &Page) -> Value {
    page.eval(
        "let longest = 0;
         const blocks = [...document.querySelectorAll('.article-body p, .article-body li, .faq p')]
           .filter(e => e.checkVisibility());
         for (const block of blocks) {
           const lines = new Map();
           const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
           const range = document.createRange();
           for (let node = walker.nextNode(); node; node = walker.nextNode()) {
             for (let i = 0; i < node.length; i++) {
               range.setStart(node, i); range.setEnd(node, i + 1);
               const rect = range.getClientRects()[0];
               if (!rect) continue;
               const top = Math.round(rect.top);
               lines.set(top, (lines.get(top) ?? '') + node.data[i]);
             }
           }
           for (const line of lines.values()) longest = Math.max(longest, line.trim().length);
         }
         const paragraphs = [...document.querySelectorAll('.article-body p')].filter(p => p.nextElementSibling?.tagName === 'P');
         const spacing = Math.min(...paragraphs.map(p => {
           const style = getComputedStyle(p);
           return parseFloat(style.marginBottom) / parseFloat(style.lineHeight);
         }));
         return [longest, Math.round(spacing * 100) / 100];",
    )
    .await
}

#[tokio::test]
async fn lines_stay_within_80_characters_and_wide_spacing_parts_paragraphs_by_a_line_and_a_half() {
    with_page(1280, 900, |page| async move {
        for settings in [
            "",
            "font=readable",
            "spacing=wide",
            "font=readable;spacing=wide",
        ] {
            page.open("/").await;
            page.eval(&format!("localStorage.setItem({KEY:?}, {settings:?})"))
                .await;
            page.open("/").await;
            page.wait_until(
                "the fonts are in",
                "return document.fonts.status === 'loaded'",
            )
            .await;
            let measured = line_length_and_paragraph_spacing(&page).await;
            let longest = measured[0].as_u64().expect("a length");
            assert!(
                longest <= 80,
                "{settings:?}: a line of {longest} characters"
            );
            if settings.contains("spacing=wide") {
                let spacing = measured[1].as_f64().expect("a spacing");
                assert!(
                    spacing >= 1.5,
                    "{settings:?}: paragraphs {spacing} line heights apart"
                );
            }
        }
    })
    .await;
}

/// The Tab stops whose focus ring is cut off: by the edge of an ancestor that clips what
/// overflows it, or by the window. The ring is what `:focus-visible` draws: the outline, or the
/// box of the element that draws it (a card, a choice).
pub(crate) async fn clipped_focus_rings(page: &Page, stops: usize) -> Vec<String> {
    let mut clipped = Vec::new();
    page.eval("document.activeElement?.blur(); window.scrollTo(0, 0)")
        .await;
    for _ in 0..stops {
        page.press(crate::support::TAB).await;
        let found = page
            .eval(
                "const e = document.activeElement;
                 if (!e || e === document.body) return null;
                 const ring = e.closest('.article-card, .setting-choice') ?? e;
                 const style = getComputedStyle(ring);
                 const width = parseFloat(style.outlineWidth) || 0;
                 const offset = style.outlineStyle === 'none' ? 0 : (parseFloat(style.outlineOffset) || 0) + width;
                 const r = ring.getBoundingClientRect();
                 const box = { left: r.left - offset, right: r.right + offset, top: r.top - offset, bottom: r.bottom + offset };
                 const cut = [];
                 for (let a = ring.parentElement; a; a = a.parentElement) {
                   const s = getComputedStyle(a);
                   if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
                   const c = a.getBoundingClientRect();
                   if (box.left < c.left - 0.5 || box.right > c.right + 0.5 || box.top < c.top - 0.5 || box.bottom > c.bottom + 0.5)
                     cut.push(a.tagName.toLowerCase() + '.' + a.className);
                 }
                 if (box.left < -0.5 || box.right > innerWidth + 0.5) cut.push('the window');
                 return cut.length ? `${e.tagName.toLowerCase()} \"${e.textContent.trim().slice(0, 30)}\" cut by ${cut.join(', ')}` : '';",
            )
            .await;
        if let Some(found) = found.as_str().filter(|found| !found.is_empty()) {
            clipped.push(found.to_string());
        }
    }
    clipped.sort();
    clipped.dedup();
    clipped
}

#[tokio::test]
async fn every_focus_ring_shows_whole() {
    with_page(1280, 900, |page| async move {
        for ((width, height), settings) in SIZES_AND_MODES {
            page.set_viewport(width, height).await;
            for address in ["/", "/articles/"] {
                page.open(address).await;
                page.eval(&format!("localStorage.setItem({KEY:?}, {settings:?})"))
                    .await;
                page.open(address).await;
                page.click(".reading-settings-button").await;
                assert_eq!(
                    clipped_focus_rings(&page, 80).await,
                    Vec::<String>::new(),
                    "{address} at {width} px, {settings:?}"
                );
            }
        }
    })
    .await;
}
