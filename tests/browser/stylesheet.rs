//! The stylesheet every page inlines is `style/main.css` minified at build time. Whatever the
//! minifier does, the browser must read the same styles from it: here every element of a
//! built page is styled by the shipped stylesheet and by the source file, at a phone's width
//! and a desktop's, in every reading setting, on screen and in print, and compared property
//! by property.

use std::path::Path;

use clinic_app::prefs::model::choices;
use serde_json::Value;

use crate::support::*;

/// The page's app stays away (its script answers empty): only the styles are compared, on
/// the same elements.
const BOOT_SCRIPT: &str = "/boot.js";
const SOURCE_STYLESHEET: &str = "/source-stylesheet.css";

/// `html` with its inline stylesheet replaced by a link to the source file.
fn with_source_stylesheet(html: &str) -> String {
    let (before, rest) = html.split_once("<style>").expect("an inline stylesheet");
    let (_, after) = rest.split_once("</style>").expect("its end");
    format!("{before}<link rel=\"stylesheet\" href=\"{SOURCE_STYLESHEET}\">{after}")
}

/// Every combination of reading settings that together give each setting each of its values.
fn setting_combinations() -> Vec<Vec<(String, String)>> {
    let choices = choices();
    let most = choices
        .iter()
        .map(|(_, values)| values.len())
        .max()
        .unwrap_or(0);
    (0..most)
        .map(|n| {
            choices
                .iter()
                .map(|(name, values)| (name.to_string(), values[n % values.len()].clone()))
                .collect()
        })
        .collect()
}

/// For each combination of settings, each element's computed style (and its `::before` and
/// `::after` where they have content), as one string per element.
async fn computed_styles(page: &Page) -> Vec<Vec<String>> {
    let mut all = Vec::new();
    for settings in setting_combinations() {
        let settings = serde_json::to_string(&settings).expect("JSON");
        let styles = page
            .eval(&format!(
                "for (const [name, value] of {settings}) {{
                   document.documentElement.setAttribute('data-' + name, value);
                 }}
                 // Custom properties compute to their text as written (`#fff` and `#ffffff`
                 // differ there); what they set shows in the properties that use them.
                 const names = [...getComputedStyle(document.documentElement)]
                   .filter(name => !name.startsWith('--'));
                 const style = (element, pseudo) => {{
                   const computed = getComputedStyle(element, pseudo);
                   if (pseudo && ['none', 'normal'].includes(computed.content)) return '';
                   return names.map(name => name + ': ' + computed.getPropertyValue(name)).join('; ');
                 }};
                 return [...document.querySelectorAll('html, body, body *')].map(element =>
                   element.tagName + (element.id ? '#' + element.id : '') + ' ' + element.className
                   + ' => ' + style(element) + '; ::before => ' + style(element, '::before')
                   + '; ::after => ' + style(element, '::after'));"
            ))
            .await;
        all.push(serde_json::from_value::<Vec<String>>(styles).expect("styles"));
    }
    all
}

/// The first few declarations that differ between `shipped` and `source`.
fn differences(shipped: &[Vec<String>], source: &[Vec<String>]) -> Vec<String> {
    let mut found = Vec::new();
    for (combination, (shipped, source)) in shipped.iter().zip(source).enumerate() {
        assert_eq!(shipped.len(), source.len(), "the same elements");
        for (shipped, source) in shipped.iter().zip(source) {
            let element = shipped.split(" => ").next().unwrap_or_default();
            let declarations = |styles: &str| {
                styles
                    .split("; ")
                    .map(str::to_string)
                    .collect::<Vec<String>>()
            };
            let (ours, theirs) = (declarations(shipped), declarations(source));
            for (ours, theirs) in ours.iter().zip(&theirs).filter(|(a, b)| a != b) {
                found.push(format!(
                    "settings {combination}, {element}: shipped {ours:?}, source {theirs:?}"
                ));
            }
            if ours.len() != theirs.len() {
                found.push(format!(
                    "settings {combination}, {element}: not the same parts"
                ));
            }
        }
    }
    found.truncate(20);
    found
}

async fn compare_at(page: &Page, width: u32, height: u32, media: &str) {
    page.set_viewport(width, height).await;
    page.emulate_media(media, &[]).await;
    let source_css = std::fs::read_to_string(repo_root().join("style/main.css")).expect("css");
    let home = std::fs::read_to_string(site_dir().join("index.html")).expect("the home page");

    page.server.clear();
    page.server.replace(BOOT_SCRIPT, "");
    page.open_before_the_app("/").await;
    let shipped = computed_styles(page).await;

    page.server.replace("/", with_source_stylesheet(&home));
    page.server.replace(SOURCE_STYLESHEET, source_css);
    page.open_before_the_app("/").await;
    page.wait_until(
        "the source stylesheet applies",
        &format!("return [...document.styleSheets].some(s => s.href && s.href.endsWith({SOURCE_STYLESHEET:?}))
                   && !document.querySelector('style')"),
    )
    .await;
    let source = computed_styles(page).await;

    assert!(
        !shipped.is_empty() && !shipped[0].is_empty(),
        "styles were read"
    );
    assert_eq!(
        differences(&shipped, &source),
        Vec::<String>::new(),
        "{width}x{height} {media:?}: the shipped stylesheet styles the page as style/main.css does"
    );
}

#[tokio::test]
async fn the_shipped_stylesheet_styles_every_element_as_its_source_does() {
    with_desktop_page(|page| async move {
        for (width, height) in [(390, 844), (1366, 900)] {
            compare_at(&page, width, height, "screen").await;
        }
        compare_at(&page, 1366, 900, "print").await;
    })
    .await;
}

#[tokio::test]
async fn the_title_is_sized_for_a_phone_and_for_a_desktop() {
    with_desktop_page(|page| async move {
        let mut sizes = Vec::new();
        for (width, height) in [(390, 844), (1366, 900)] {
            page.set_viewport(width, height).await;
            page.open("/").await;
            let size = page
                .eval("return parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)")
                .await;
            sizes.push(size.as_f64().expect("a size in px"));
        }
        let root = page
            .eval("return parseFloat(getComputedStyle(document.documentElement).fontSize)")
            .await
            .as_f64()
            .expect("a size in px");
        // The title grows with the window: smaller on a phone than on a desktop, larger than
        // the text around it on both.
        assert!(sizes[0] < sizes[1], "title sizes {sizes:?}");
        assert!(sizes[0] > root, "title sizes {sizes:?}, text {root}");
    })
    .await;
}

/// What the checker reports that is not a mistake: the empty comments (`<!>`) that Leptos
/// marks its views with, which browsers read as comments, and CSS newer than the checker's
/// (`@starting-style` and `allow-discrete`, CSS Transitions Level 2, in every engine since
/// 2024).
const NOT_MISTAKES: [&str; 3] = [
    "Bogus comment.",
    "CSS: Unrecognized at-rule “@starting-style”",
    "CSS: “transition”: “allow-discrete” is not a “transition” value.",
];

/// Each page of `site`, checked by the Nu HTML Checker (`vnu`), as its error lines.
fn html_checker_errors(site: &Path) -> Vec<String> {
    let checker = repo_root().join("tools/node_modules/vnu-jar/build/dist/vnu.jar");
    let output = std::process::Command::new("java")
        .arg("-jar")
        .arg(&checker)
        .args(["--errors-only", "--format", "json"])
        .args(html_pages(site))
        .output()
        .unwrap_or_else(|e| {
            panic!("run java -jar {checker:?} (tools/dev.sh test installs it): {e}")
        });
    let report: Value = serde_json::from_slice(&output.stderr).unwrap_or_else(|e| {
        panic!(
            "the checker's report: {e}: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    report["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .filter(|message| !NOT_MISTAKES.contains(&message["message"].as_str().unwrap_or_default()))
        .map(|message| {
            format!(
                "{}:{}: {}",
                message["url"].as_str().unwrap_or_default(),
                message["lastLine"],
                message["message"].as_str().unwrap_or_default()
            )
        })
        .collect()
}

#[test]
fn every_built_page_passes_the_html_checker_styles_included() {
    assert_eq!(html_checker_errors(site_dir()), Vec::<String>::new());
}

#[test]
fn the_html_checker_finds_a_declaration_the_browser_would_drop() {
    let folder = tempfile::tempdir().expect("a folder");
    let home = std::fs::read_to_string(site_dir().join("index.html")).expect("the home page");
    let broken = home.replacen(
        "<style>",
        "<style>h1{font-size:clamp(1rem,1rem+2vw,2rem)}",
        1,
    );
    std::fs::write(folder.path().join("index.html"), broken).expect("write");
    let errors = html_checker_errors(folder.path());
    assert!(
        errors.iter().any(|error| error.contains("font-size")),
        "{errors:?}"
    );
}
