//! Tables and pictures inside an article's text: a table with its caption and column
//! headers that scrolls inside its own region on a narrow screen, a picture whose room is
//! kept before it arrives, read from JSON and from Markdown alike.

use serde_json::{json, Value};

use clinic_content::model::{Block, Figure, Table};
use clinic_content::plain_text;

use crate::support::{
    fixture_article, home_slug, markdown_fixture_article, run_in_browser, site_with_markdown_dir,
    with_desktop_page, with_page, Page, Server, Unknown,
};

fn blocks_of(article: &clinic_content::Article) -> (Vec<Table>, Vec<Figure>) {
    let mut tables = Vec::new();
    let mut figures = Vec::new();
    for block in article.body_blocks() {
        match block {
            Block::Table(table) => tables.push(table.clone()),
            Block::Figure(figure) => figures.push(figure.clone()),
            _ => {}
        }
    }
    (tables, figures)
}

/// Each table as shown: the region's role, name and tab stop, the caption, the header row's
/// cells (element, scope, text) and the rows' cells.
async fn tables_as_shown(page: &Page) -> Value {
    page.eval(
        "return [...document.querySelectorAll('.article-body .content-table')].map(region => ({
           role: region.getAttribute('role'),
           name: region.getAttribute('aria-label'),
           tabindex: region.tabIndex,
           caption: region.querySelector('caption')?.textContent ?? null,
           header: [...region.querySelectorAll('thead tr > *')]
             .map(cell => [cell.tagName, cell.getAttribute('scope'), cell.textContent]),
           rows: [...region.querySelectorAll('tbody tr')]
             .map(row => [...row.children].map(cell => cell.textContent)),
         }))",
    )
    .await
}

/// What `tables_as_shown` should find for `tables`.
fn tables_as_written(tables: &[Table]) -> Value {
    tables
        .iter()
        .map(|table| {
            json!({
                "role": "region",
                "name": table.caption.clone().unwrap_or_else(|| table.header.join(", ")),
                "tabindex": 0,
                "caption": table.caption,
                "header": table.header.iter().map(|name| if name.is_empty() {
                    json!(["TD", null, ""])
                } else {
                    json!(["TH", "col", name])
                }).collect::<Vec<_>>(),
                "rows": table.rows.iter()
                    .map(|row| row.iter().map(|cell| plain_text(cell)).collect::<Vec<_>>())
                    .collect::<Vec<_>>(),
            })
        })
        .collect()
}

async fn figures_as_shown(page: &Page) -> Value {
    page.eval(
        "return [...document.querySelectorAll('.article-body figure.content-figure')].map(f => {
           const img = f.querySelector('img');
           return { image: img.getAttribute('src'), alt: img.alt,
                    width: +img.getAttribute('width'), height: +img.getAttribute('height'),
                    loading: img.loading,
                    caption: f.querySelector('figcaption')?.textContent ?? null };
         })",
    )
    .await
}

fn figures_as_written(figures: &[Figure]) -> Value {
    figures
        .iter()
        .map(|figure| {
            json!({ "image": figure.image, "alt": figure.alt, "width": figure.width,
                    "height": figure.height, "loading": "lazy", "caption": figure.caption })
        })
        .collect()
}

#[tokio::test]
async fn tables_and_pictures_show_what_the_article_says_with_nothing_for_axe_to_find() {
    let article = fixture_article(&home_slug());
    let (tables, figures) = blocks_of(&article);
    assert!(
        !tables.is_empty() && !figures.is_empty(),
        "the fixture has a table and a picture"
    );
    with_desktop_page(|page| async move {
        page.open("/").await;
        assert_eq!(tables_as_shown(&page).await, tables_as_written(&tables));
        assert_eq!(figures_as_shown(&page).await, figures_as_written(&figures));

        // A screen reader finds each table by its caption, and its column headers.
        let tree = page.accessibility_tree().await;
        let named = |role: &str, name: &str| {
            tree.iter()
                .any(|node| node[1] == json!(role) && node[2] == json!(name))
        };
        for table in &tables {
            let caption = table
                .caption
                .as_deref()
                .expect("the fixture's tables have captions");
            assert!(named("table", caption), "a table named {caption:?}");
            assert!(named("region", caption), "its region named {caption:?}");
            for name in table.header.iter().filter(|name| !name.is_empty()) {
                assert!(named("columnheader", name), "a column header {name:?}");
            }
        }
        for figure in &figures {
            assert!(
                named("image", &figure.alt),
                "a picture named {:?}",
                figure.alt
            );
        }

        let violations = page.axe_violations().await;
        assert!(violations.is_empty(), "{}", violations.join("\n"));
    })
    .await;
}

#[tokio::test]
async fn on_a_phone_at_twice_the_text_size_a_table_scrolls_in_its_region_by_keyboard() {
    with_page(390, 844, |page| async move {
        page.set_viewport(320, 640).await;
        page.open("/").await;
        page.eval("document.documentElement.setAttribute('data-text-size', '200')")
            .await;
        let sizes = page
            .eval(
                "const region = document.querySelector('.article-body .content-table');
                 const page = document.scrollingElement;
                 return [page.scrollWidth <= page.clientWidth,
                         region.scrollWidth > region.clientWidth]",
            )
            .await;
        assert_eq!(
            sizes,
            json!([true, true]),
            "the page keeps its width; the table scrolls inside its region"
        );
        page.tab_to(".article-body .content-table", 200).await;
        page.press("\u{E014}").await; // Arrow right
        page.wait_until(
            "the arrow key scrolls the table",
            "return document.querySelector('.article-body .content-table').scrollLeft > 0",
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn a_picture_keeps_its_room_before_it_arrives_so_nothing_moves() {
    let article = fixture_article(&home_slug());
    let (_, figures) = blocks_of(&article);
    let figure = figures.first().expect("the fixture has a picture").clone();
    with_desktop_page(|page| async move {
        page.open("/").await;
        // Far down the page, the picture has not been asked for yet.
        let picture = page.server.hold(&figure.image);
        let box_of = "const img = document.querySelector('.article-body .content-figure img');
                      img.scrollIntoView();
                      const box = img.getBoundingClientRect();
                      return [box.width, box.height, img.complete && img.naturalWidth > 0]";
        let before = page.eval(box_of).await;
        let (width, height) = (
            before[0].as_f64().expect("width"),
            before[1].as_f64().expect("height"),
        );
        assert_eq!(before[2], json!(false), "the picture is held back");
        let expected = width * f64::from(figure.height) / f64::from(figure.width);
        assert!(
            width > 0.0 && (height - expected).abs() <= 1.0,
            "{width}x{height}: the room of a {}x{} picture",
            figure.width,
            figure.height
        );
        picture.release();
        page.wait_until(
            "the picture arrives",
            "const img = document.querySelector('.article-body .content-figure img');
             return img.complete && img.naturalWidth > 0",
        )
        .await;
        let after = page.eval(box_of).await;
        assert_eq!(
            (after[0].as_f64(), after[1].as_f64()),
            (Some(width), Some(height)),
            "the picture fills the room it had"
        );
    })
    .await;
}

#[tokio::test]
async fn a_markdown_pipe_table_and_picture_show_as_a_table_and_a_figure() {
    let article = markdown_fixture_article();
    let (tables, figures) = blocks_of(&article);
    assert!(!tables.is_empty() && !figures.is_empty());
    let server = Server::start_with(site_with_markdown_dir(), "/", Unknown::NotFoundPage);
    run_in_browser(server, 1280, 900, &[], |page| async move {
        page.open(&format!("/articles/{}/", article.slug)).await;
        assert_eq!(tables_as_shown(&page).await, tables_as_written(&tables));
        assert_eq!(figures_as_shown(&page).await, figures_as_written(&figures));
    })
    .await;
}
