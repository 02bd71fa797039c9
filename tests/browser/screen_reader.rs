//! A scripted screen-reader walk: what the accessibility tree (role, name, state) and the live
//! regions say, as a screen reader would read them. Expectations come from the fixture content.

use clinic_content::{Article, SiteSettings};
use serde_json::{json, Value};

use crate::support::{content_json, fixture_article, with_desktop_page, Page};

fn home() -> Article {
    let slug = content_json("articles.json")["home"]
        .as_str()
        .expect("home")
        .to_string();
    fixture_article(&slug)
}

/// The nodes with `name` that are not text runs: what a reader hears as a thing of its own.
fn named(nodes: &[Value], name: &str) -> Vec<Value> {
    nodes
        .iter()
        .filter(|node| node["name"] == name)
        .filter(|node| {
            !matches!(
                node["role"].as_str(),
                Some("StaticText" | "InlineTextBox" | "RootWebArea")
            )
        })
        .map(|node| json!([node["role"], node["expanded"]]))
        .collect()
}

/// Every text the tree holds, names and text runs alike.
fn all_text(nodes: &[Value]) -> String {
    nodes
        .iter()
        .filter_map(|node| node["name"].as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test]
async fn each_question_is_heard_once_with_its_state_and_a_closed_answer_not_at_all() {
    let article = home();
    with_desktop_page(|page| async move {
        page.open("/").await;
        let last = article
            .faq
            .as_ref()
            .expect("an FAQ")
            .items
            .last()
            .expect("a question")
            .question
            .clone();
        let nodes = page
            .spoken_nodes_once("the FAQ is read", |nodes| {
                nodes.iter().any(|node| node["name"] == last.as_str())
            })
            .await;
        for item in &article.faq.as_ref().expect("an FAQ").items {
            assert_eq!(
                named(&nodes, &item.question),
                vec![json!(["heading", null]), json!(["button", false])],
                "{}: a heading holding a collapsed button, nothing else",
                item.question
            );
        }
        let first_answer =
            article.faq.as_ref().expect("an FAQ").items[0].answer[0].texts()[0].clone();
        assert!(
            !all_text(&nodes).contains(&first_answer),
            "a closed answer is not read"
        );
        page.click(".faq-question").await;
        let nodes = page
            .spoken_nodes_once("the open answer is read", |nodes| {
                all_text(nodes).contains(&first_answer)
            })
            .await;
        assert_eq!(
            named(
                &nodes,
                &article.faq.as_ref().expect("an FAQ").items[0].question
            ),
            vec![json!(["heading", null]), json!(["button", true])]
        );
    })
    .await;
}

async fn text_size_announcement(page: &Page) -> Value {
    page.eval("return document.querySelector('.text-size-value').textContent")
        .await
}

#[tokio::test]
async fn the_text_size_is_announced_as_a_sentence() {
    with_desktop_page(|page| async move {
        page.open("/").await;
        page.click(".reading-settings-button").await;
        assert_eq!(text_size_announcement(&page).await, json!("Text size 100%"));
        page.click(".text-size button:last-of-type").await;
        page.wait_until(
            "the size grows",
            "return document.querySelector('.text-size-value').textContent !== 'Text size 100%'",
        )
        .await;
        let said = text_size_announcement(&page).await;
        let said = said.as_str().expect("text");
        assert!(
            said.starts_with("Text size ") && said.ends_with('%') && said != "Text size 100%",
            "{said}"
        );
        assert_eq!(
            page.eval(
                "return document.querySelector('.text-size-value').getAttribute('aria-live')"
            )
            .await,
            json!("polite")
        );
    })
    .await;
}

#[tokio::test]
async fn the_title_is_heard_once_no_mark_is_read_and_the_footer_names_the_clinic_as_a_heading() {
    let article = home();
    let site: SiteSettings =
        serde_json::from_value(content_json("site.json")).expect("site settings");
    with_desktop_page(|page| async move {
        page.open("/").await;
        let nodes = page
            .spoken_nodes_once("the footer is read", |nodes| {
                nodes.iter().any(|node| node["role"] == "contentinfo")
            })
            .await;
        // Once as the page's heading; the breadcrumb trail ends with a link to this page
        // (APG's breadcrumb pattern), which is read where the trail is, as "current page".
        assert_eq!(
            named(&nodes, &article.title),
            vec![json!(["heading", null]), json!(["link", null])],
            "the title: no article or region named by it as well"
        );
        assert_eq!(
            page.eval(&format!(
                "return [...document.querySelectorAll('a')]
                   .filter(a => a.textContent === {:?})
                   .map(a => a.matches('.breadcrumbs a[aria-current=page]'))",
                article.title
            ))
            .await,
            json!([true])
        );
        let callout = article
            .sections
            .iter()
            .find(|section| section.callout)
            .expect("a callout section");
        assert!(
            named(&nodes, &callout.heading).contains(&json!(["heading", null])),
            "the callout's heading is named without its mark"
        );
        let names: Vec<&str> = nodes.iter().filter_map(|n| n["name"].as_str()).collect();
        for mark in ["!", "›", "·"] {
            assert!(
                !names
                    .iter()
                    .any(|name| name.trim() == mark || name.starts_with(&format!("{mark} "))),
                "{mark:?} is read"
            );
        }
        let mut clinic = named(&nodes, &site.clinic_name);
        clinic.sort_by_key(|node| node.to_string());
        assert_eq!(
            clinic,
            vec![json!(["heading", null]), json!(["link", null])],
            "the header's link home, and the footer's clinic name as a heading"
        );
    })
    .await;
}
