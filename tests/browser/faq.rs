//! The FAQ accordion: WAI-ARIA markup, mouse and keyboard, expand/collapse all, deep links,
//! print, and the JSON-LD that describes it to search engines.

use fantoccini::elements::Element;
use serde_json::{json, Value};

use crate::support::{content_json, fixture_outline, home_slug, with_desktop_page, Page, ENTER};
const ARROW_UP: &str = "\u{E013}";
const ARROW_DOWN: &str = "\u{E015}";
const HOME: &str = "\u{E011}";
const END: &str = "\u{E010}";

async fn open(page: &Page, path: &str) -> Vec<Element> {
    page.open(path).await;
    page.find_all(".faq-question").await
}

/// `aria-expanded` of every question, in order.
async fn expanded(page: &Page) -> Value {
    page.eval(
        "return [...document.querySelectorAll('.faq-question')]
            .map(b => b.getAttribute('aria-expanded'))",
    )
    .await
}

/// The home article, as JSON.
fn home_article() -> Value {
    content_json(&format!("articles/{}.json", home_slug()))
}

/// How many questions the home article's FAQ asks: three at least, which the tests open and
/// close in turn.
fn question_count() -> usize {
    let count = home_article()["faq"]["items"]
        .as_array()
        .expect("FAQ items")
        .len();
    assert!(
        count >= 3,
        "the fixture's FAQ needs three questions at least"
    );
    count
}

/// The id of the home article's question at `position`.
fn question_id(position: usize) -> String {
    fixture_outline(&home_slug())
        .faq
        .expect("the fixture has an FAQ")
        .children[position]
        .id
        .clone()
}

/// Every question's position.
fn all() -> Vec<usize> {
    (0..question_count()).collect()
}

/// Waits until exactly the answers at the positions `open` show their text (a closing answer
/// fades out first).
async fn answers_shown(page: &Page, open: &[usize]) {
    page.wait_until(
        &format!("the answers shown are those at {open:?}"),
        &format!(
            "return JSON.stringify({ANSWERS_VISIBLE}) === {:?}",
            shown(open).to_string()
        ),
    )
    .await;
}

/// Script: for each answer, whether its text renders (a closed answer's content is skipped).
const ANSWERS_VISIBLE: &str = "[...document.querySelectorAll('.faq-answer')]
    .map(p => !!p.firstElementChild && p.firstElementChild.checkVisibility())";

async fn focused_question(page: &Page) -> Value {
    page.eval(
        "return [...document.querySelectorAll('.faq-question')].indexOf(document.activeElement)",
    )
    .await
}

/// `aria-expanded` of every question, true at the positions `open`.
fn states(open: &[usize]) -> Value {
    json!((0..question_count())
        .map(|position| open.contains(&position).to_string())
        .collect::<Vec<_>>())
}

/// Whether each answer shows: at the positions `open`.
fn shown(open: &[usize]) -> Value {
    json!((0..question_count())
        .map(|position| open.contains(&position))
        .collect::<Vec<_>>())
}

#[tokio::test]
async fn questions_follow_the_aria_accordion_pattern_and_start_collapsed() {
    with_desktop_page(|page| async move {
        let buttons = open(&page, "/").await;
        assert_eq!(buttons.len(), question_count());
        let problems = page
            .eval(
                "const problems = [];
                 for (const b of document.querySelectorAll('.faq-question')) {
                   const h = b.parentElement;
                   if (!/^H[1-6]$/.test(h.tagName) || h.children.length !== 1)
                     problems.push(b.id + ': not the only child of a heading');
                   if (b.tagName !== 'BUTTON') problems.push(b.id + ': not a button');
                   const panel = document.getElementById(b.getAttribute('aria-controls'));
                   if (!panel) { problems.push(b.id + ': aria-controls names nothing'); continue; }
                   // No region role: the question would be heard a third time.
                   if (panel.hasAttribute('role')) problems.push(b.id + ': panel has a role');
                   if (!panel.hidden) problems.push(b.id + ': panel not hidden');
                 }
                 return problems",
            )
            .await;
        assert_eq!(problems, json!([]));
        assert_eq!(expanded(&page).await, states(&[]));
        answers_shown(&page, &[]).await;
        let questions: Vec<String> = home_article()["faq"]["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|item| item["question"].as_str().expect("question").to_string())
            .collect();
        assert_eq!(page.texts(".faq-question").await, questions);
    })
    .await;
}

#[tokio::test]
async fn a_click_toggles_one_answer_and_several_can_be_open() {
    with_desktop_page(|page| async move {
        let buttons = open(&page, "/").await;
        buttons[0].click().await.expect("click");
        assert_eq!(expanded(&page).await, states(&[0]));
        answers_shown(&page, &[0]).await;
        buttons[2].click().await.expect("click");
        assert_eq!(expanded(&page).await, states(&[0, 2]));
        answers_shown(&page, &[0, 2]).await;
        buttons[0].click().await.expect("click");
        assert_eq!(expanded(&page).await, states(&[2]));
        answers_shown(&page, &[2]).await;
    })
    .await;
}

#[tokio::test]
async fn enter_and_space_toggle_the_focused_question() {
    with_desktop_page(|page| async move {
        let buttons = open(&page, "/").await;
        page.eval("document.querySelectorAll('.faq-question')[1].focus()")
            .await;
        buttons[1].send_keys(ENTER).await.expect("Enter");
        assert_eq!(expanded(&page).await, states(&[1]));
        buttons[1].send_keys(" ").await.expect("Space");
        assert_eq!(expanded(&page).await, states(&[]));
        buttons[1].send_keys(" ").await.expect("Space");
        answers_shown(&page, &[1]).await;
        assert_eq!(
            focused_question(&page).await,
            json!(1),
            "focus stays on the question"
        );
    })
    .await;
}

#[tokio::test]
async fn arrow_keys_home_and_end_move_between_questions() {
    with_desktop_page(|page| async move {
        let buttons = open(&page, "/").await;
        page.eval("document.querySelectorAll('.faq-question')[0].focus()")
            .await;
        let scroll_before = page.eval("return scrollY").await;
        for (key, expected) in [
            (ARROW_DOWN, 1),
            (ARROW_DOWN, 2),
            (ARROW_UP, 1),
            (END, 4),
            (ARROW_DOWN, 0),
            (ARROW_UP, 4),
            (HOME, 0),
        ] {
            let index = focused_question(&page).await.as_u64().expect("focused") as usize;
            buttons[index].send_keys(key).await.expect("key");
            assert_eq!(focused_question(&page).await, json!(expected));
        }
        assert_eq!(
            expanded(&page).await,
            states(&[]),
            "moving focus opens nothing"
        );
        assert_eq!(
            page.eval("return scrollY").await,
            scroll_before,
            "arrows do not scroll"
        );
    })
    .await;
}

#[tokio::test]
async fn expand_all_and_collapse_all() {
    with_desktop_page(|page| async move {
        let buttons = open(&page, "/").await;
        buttons[3].click().await.expect("click");
        let controls = page.find_all(".faq-controls button").await;
        assert_eq!(controls[0].text().await.expect("text"), "Expand all");
        assert_eq!(controls[1].text().await.expect("text"), "Collapse all");
        controls[0].click().await.expect("expand all");
        assert_eq!(expanded(&page).await, states(&all()));
        answers_shown(&page, &all()).await;
        controls[1].click().await.expect("collapse all");
        assert_eq!(expanded(&page).await, states(&[]));
        answers_shown(&page, &[]).await;
    })
    .await;
}

#[tokio::test]
async fn a_deep_link_to_a_question_opens_its_answer_and_scrolls_to_it() {
    with_desktop_page(|page| async move {
        let second = question_id(1);
        page.open(&format!("/#{second}")).await;
        page.wait_until(
            "the question is open, in view and focused",
            &format!(
                "const b = document.getElementById({second:?});
                 const r = b && b.getBoundingClientRect();
                 return !!b && b.getAttribute('aria-expanded') === 'true'
                    && scrollY > 1000 && r.bottom <= innerHeight
                    && r.top >= document.querySelector('.site-header').getBoundingClientRect().bottom
                    && document.activeElement === b"
            ),
        )
        .await;
        assert_eq!(expanded(&page).await, states(&[1]));

        // A link to another question, followed in the page, opens that one too.
        page.eval(&format!("location.hash = '#{}'", question_id(0))).await;
        page.wait_until(
            "the first question opens",
            "return document.querySelector('.faq-question').getAttribute('aria-expanded') === 'true'",
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn every_answer_shows_when_printed() {
    with_desktop_page(|page| async move {
        open(&page, "/").await;
        answers_shown(&page, &[]).await;
        page.emulate_media("print", &[]).await;
        answers_shown(&page, &all()).await;
        let controls = page
            .eval("return getComputedStyle(document.querySelector('.faq-controls')).display")
            .await;
        assert_eq!(controls, json!("none"), "no buttons on paper");
    })
    .await;
}

#[tokio::test]
async fn the_head_describes_the_article_and_faq_as_json_ld() {
    with_desktop_page(|page| async move {
        open(&page, "/").await;
        let scripts = page
            .eval(
                "return [...document.querySelectorAll('head script[type=\"application/ld+json\"]')]
                    .map(s => s.textContent)",
            )
            .await;
        let scripts = scripts.as_array().expect("scripts");
        assert_eq!(scripts.len(), 1, "one JSON-LD block");
        let ld: Value = serde_json::from_str(scripts[0].as_str().expect("text")).expect("JSON");
        assert_eq!(ld["@context"], "https://schema.org");
        let article = home_article();
        let page_ld = &ld["@graph"][0];
        assert_eq!(page_ld["@type"], "MedicalWebPage");
        assert_eq!(page_ld["headline"], article["title"]);
        assert_eq!(page_ld["datePublished"], article["published"]);
        assert_eq!(
            page_ld["publisher"]["name"],
            content_json("site.json")["clinic_name"]
        );
        let faq = &ld["@graph"][1];
        assert_eq!(faq["@type"], "FAQPage");
        let questions: Vec<&Value> = faq["mainEntity"]
            .as_array()
            .expect("questions")
            .iter()
            .map(|q| &q["name"])
            .collect();
        let expected: Vec<&Value> = article["faq"]["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|item| &item["question"])
            .collect();
        assert_eq!(questions, expected);
    })
    .await;
}

#[tokio::test]
async fn find_in_page_reaches_a_closed_answer_and_opens_it() {
    with_desktop_page(|page| async move {
        let questions = open(&page, "/").await;
        answers_shown(&page, &[]).await;
        let hidden = page
            .eval("return [...document.querySelectorAll('.faq-answer')].map(p => p.getAttribute('hidden'))")
            .await;
        assert_eq!(hidden, json!(vec!["until-found"; 5]), "closed answers stay searchable");
        // What the browser does when find-in-page or a #:~:text= link matches inside.
        page.eval("document.querySelectorAll('.faq-answer')[2].dispatchEvent(new Event('beforematch'))")
            .await;
        answers_shown(&page, &[2]).await;
        assert_eq!(expanded(&page).await, states(&[2]));
        questions[2].click().await.expect("close it again");
        assert_eq!(expanded(&page).await, states(&[]));
    })
    .await;
}

#[tokio::test]
async fn a_text_fragment_link_into_a_closed_answer_opens_it() {
    with_desktop_page(|page| async move {
        // As a search result's "jump to text" link, once the app has rendered the FAQ.
        page.open("/#:~:text=thermos%20of%20cocoa").await;
        page.wait_until(
            "the answer holding the text opens",
            "return document.querySelectorAll('.faq-question')[2]
                ?.getAttribute('aria-expanded') === 'true'",
        )
        .await;
        assert_eq!(expanded(&page).await, states(&[2]));
    })
    .await;
}
