//! `content import-wordpress` on a WordPress export written for these tests
//! (`tests/fixtures/wordpress/`): a block-editor post with a table, a picture, a shortcode, an
//! embed, a button and a Yoast FAQ block; a classic-editor post with a title and slug outside
//! ASCII, a `[caption]`, a gallery and an FAQ under its heading; a draft, a page, a menu item
//! and attachments. Every published post becomes an article that `content check` passes, the
//! report names what did not come across, and nothing is written over without `--force`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use clinic_content::model::{Block, Inline, Link, SiteSettings};
use clinic_editor::markdown::read_article;
use tempfile::TempDir;

mod common;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn wordpress() -> PathBuf {
    root().join("tests/fixtures/wordpress")
}

/// A project as a clinic has it: the shipped `public/` and `content-src/`.
fn project() -> TempDir {
    let project = tempfile::Builder::new()
        .prefix("clinic-import-")
        .tempdir()
        .expect("a folder");
    common::copy_dir(&root().join("public"), &project.path().join("public"));
    common::copy_dir(
        &root().join("content-src"),
        &project.path().join("content-src"),
    );
    project
}

fn content(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_content"))
        .args(args)
        .output()
        .expect("run content")
}

fn import(project: &Path, extra: &[&str]) -> Output {
    let export = wordpress().join("export.xml");
    let uploads = wordpress().join("uploads");
    let mut args = vec![
        "import-wordpress",
        export.to_str().expect("a path"),
        "--uploads",
        uploads.to_str().expect("a path"),
        "--project",
        project.to_str().expect("a path"),
    ];
    args.extend(extra);
    content(&args)
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn article(project: &Path, slug: &str) -> clinic_content::Article {
    let file = project.join(format!("content-src/{slug}.md"));
    let markdown = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file:?}: {e}"));
    read_article(&markdown, slug, &project.join("public")).expect("it reads as the build reads it")
}

fn paragraphs(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .filter_map(|block| match block {
            Block::Paragraph(content) => Some(clinic_content::plain_text(content)),
            _ => None,
        })
        .collect()
}

#[test]
fn every_published_post_becomes_an_article_that_content_check_passes() {
    let project = project();
    let output = import(project.path(), &[]);
    assert!(output.status.success(), "{}", text(&output));
    let report = text(&output);

    // What was not imported, counted; what did not come across, named with what was done.
    for says in [
        "draft posts: 1",
        "pages: 1",
        "menu items: 1",
        "attachments (pictures and files, copied where posts show them): 3",
        "the shortcode [contact-form-7]",
        "an embedded video or frame became a link to https://www.youtube.com/watch?v=abc123",
        "a button became a link",
        "a gallery became 2 pictures one after another",
        "it had no excerpt",
        "wp-content/uploads/2023/12/warm-bath.png → public/images/wordpress/2023/12/warm-bath.png",
        "added the person \"Dr. Jane Doe\" (dr-jane-doe)",
        "added the person \"Ana López\" (ana-lopez)",
    ] {
        assert!(report.contains(says), "the report says {says:?}:\n{report}");
    }
    assert!(!report.contains("Not ready"), "a draft is not imported");

    let check = content(&[
        "check",
        &project.path().join("public/content").display().to_string(),
        "--sources",
        &project.path().join("content-src").display().to_string(),
    ]);
    assert!(check.status.success(), "{}", text(&check));

    // The block editor's post: its metadata, featured image, parts, table, picture and FAQ.
    let desk = article(project.path(), "desk-stretches");
    assert_eq!(desk.title, "Desk Stretches for a Stiff Neck");
    assert_eq!(desk.published, "2024-05-14");
    assert_eq!(desk.category, "Back Pain");
    assert_eq!(
        desk.description,
        "Gentle stretches for a stiff neck, at your desk."
    );
    let hero = desk.hero.as_ref().expect("the featured image");
    assert_eq!(
        (hero.alt.as_str(), hero.width, hero.height),
        ("A tidy desk with a chair set for good posture", 1200, 675)
    );
    assert_eq!(
        std::fs::read(project.path().join("public").join(&hero.image)).expect("copied"),
        std::fs::read(wordpress().join("uploads/2024/05/desk-hero.png")).expect("the upload")
    );
    let headings: Vec<(&str, Vec<&str>)> = desk
        .sections
        .iter()
        .map(|s| {
            (
                s.heading.as_str(),
                s.subsections.iter().map(|p| p.heading.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        headings,
        vec![
            ("Before You Start", vec!["Chin Tucks"]),
            ("How Often", vec![])
        ]
    );
    assert_eq!(
        desk.intro,
        vec![Block::Paragraph(vec![
            Inline::Text("Sitting all day stiffens the neck. These ".into()),
            Inline::Strong("gentle stretches".into()),
            Inline::Text(" take a minute, and ".into()),
            Inline::Link(Link {
                text: "this page".into(),
                href: "/articles/desk-stretches/".into()
            }),
            Inline::Text(" keeps them.".into()),
        ])],
        "bold kept, the link to the old post leads to its article"
    );
    let table = desk.sections[1]
        .body
        .iter()
        .find_map(|block| match block {
            Block::Table(table) => Some(table),
            _ => None,
        })
        .expect("the table");
    assert_eq!(
        table.caption.as_deref(),
        Some("Stretches through the working day")
    );
    assert_eq!(table.header, vec!["Stretch", "How often"]);
    assert_eq!(table.rows.len(), 2);
    let figure = desk.sections[0]
        .body
        .iter()
        .find_map(|block| match block {
            Block::Figure(figure) => Some(figure),
            _ => None,
        })
        .expect("the picture");
    assert_eq!(figure.caption.as_deref(), Some("A chin tuck, done slowly."));
    assert_eq!((figure.width, figure.height), (1024, 683));
    let faq = desk.faq.as_ref().expect("the Yoast FAQ block");
    let questions: Vec<&str> = faq.items.iter().map(|i| i.question.as_str()).collect();
    assert_eq!(
        questions,
        vec![
            "Can I stretch at my desk every hour?",
            "What if a stretch hurts?"
        ]
    );

    // The classic editor's post: paragraphs by blank lines and line breaks, its slug readable,
    // its FAQ under its heading.
    let winter = article(project.path(), "uber-ruckenschmerzen");
    assert_eq!(winter.title, "Über Rückenschmerzen im Winter");
    assert_eq!(
        paragraphs(&winter.intro),
        vec![
            "Cold weather can make the back ache. Keep warm & keep moving.",
            "A walk every day helps.",
            "Even a short one.",
        ]
    );
    let faq = winter.faq.as_ref().expect("the FAQ under its heading");
    assert_eq!(faq.items.len(), 2);
    assert!(
        winter.sections[0].subsections[0]
            .body
            .iter()
            .any(|block| matches!(
                block,
                Block::List(items) if items.iter().flatten().any(|inline| matches!(
                    inline,
                    Inline::Link(link) if link.href == "/articles/desk-stretches/"
                ))
            )),
        "a link by ?p= leads to the article"
    );

    let site: SiteSettings = serde_json::from_str(
        &std::fs::read_to_string(project.path().join("public/content/site.json")).expect("site"),
    )
    .expect("JSON");
    assert!(site.person("dr-jane-doe").is_some() && site.person("ana-lopez").is_some());
    assert_eq!(desk.author.as_deref(), Some("dr-jane-doe"));

    // Every address the posts had, and the other permalinks WordPress offers, lead to them.
    assert_eq!(
        desk.old_addresses,
        [
            "/2024/05/14/desk-stretches/",
            "/?p=101",
            "/desk-stretches/",
            "/2024/05/desk-stretches/",
            "/archives/101/",
        ]
    );
    for old in [
        "/2023/12/03/über-rückenschmerzen/",
        "/über-rückenschmerzen/",
        "/?p=102",
    ] {
        assert!(winter.old_addresses.contains(&old.to_string()), "{old}");
    }
}

#[test]
fn a_second_import_writes_nothing_without_force() {
    let project = project();
    assert!(import(project.path(), &[]).status.success());
    let file = project.path().join("content-src/desk-stretches.md");
    std::fs::write(&file, "an editor's own changes").expect("edit");
    let again = import(project.path(), &[]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again).contains("--force"), "{}", text(&again));
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        "an editor's own changes",
        "nothing lost"
    );
    let forced = import(project.path(), &["--force"]);
    assert!(forced.status.success(), "{}", text(&forced));
    assert!(std::fs::read_to_string(&file)
        .expect("read")
        .contains("Desk Stretches"));
}

#[test]
fn a_file_that_is_not_a_wordpress_export_is_refused_with_why() {
    let project = project();
    let not_an_export = project.path().join("export.xml");
    std::fs::write(&not_an_export, "<html><body>Hello</body></html>").expect("write");
    let output = content(&[
        "import-wordpress",
        not_an_export.to_str().expect("a path"),
        "--project",
        project.path().to_str().expect("a path"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output).contains("not a WordPress export"),
        "{}",
        text(&output)
    );
    assert_eq!(
        std::fs::read_dir(project.path().join("content-src"))
            .expect("sources")
            .count(),
        std::fs::read_dir(root().join("content-src"))
            .expect("sources")
            .count(),
        "nothing written"
    );
}
