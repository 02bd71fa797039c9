//! What Trunk runs after every build (a `post_build` hook in `Trunk.toml`): the Markdown
//! articles written in as the JSON the site serves (`clinic_editor::sources`), the files of
//! the search worker and the app's shell named by their content
//! (`clinic_build::named_programs`), every page of
//! the site pre-rendered (`clinic_build::prerender`), then the service worker written with
//! the list of files to save (`clinic_build::service_worker`).
//!
//! Run by Trunk, it also finishes the editors' page (`clinic_build::editors_page`).
//!
//! Usage: cargo run --bin finish-build [-- <site folder> <public url> [<Markdown folder>]]
//!   (defaults: $TRUNK_STAGING_DIR, $TRUNK_PUBLIC_URL and $TRUNK_SOURCE_DIR/content-src, as
//!   Trunk's hooks get them; SEARCH_CHUNKS=smallest splits the search index as finely as it
//!   goes)
//!
//! Content with mistakes fails a release build, each mistake on a line of its own; a
//! development build (`trunk serve`) carries on with the app's shell as every page, and
//! writes the mistakes into the site for the page to show.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clinic_app::contract::NOT_FOUND_FILE;
use clinic_build::editors_page::{install_cms, write_preview_stylesheet, CMS_PACKAGE};
use clinic_build::named_programs::name_programs;
use clinic_build::prerender::{prerender_site, Prerendered, Profile};
use clinic_build::search_index::ChunkSizes;
use clinic_build::service_worker::write_service_worker;
use clinic_content::load::{EDITORS_DIR, PROBLEMS_FILE};
use clinic_editor::sources::{publish_sources, write_json, Published, SOURCES_DIR};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let site_dir = args
        .next()
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .map(PathBuf::from);
    let public_url = args
        .next()
        .or_else(|| std::env::var("TRUNK_PUBLIC_URL").ok())
        .unwrap_or_else(|| "/".into());
    let Some(site_dir) =
        site_dir.filter(|_| public_url.starts_with('/') && public_url.ends_with('/'))
    else {
        eprintln!(
            "usage: finish-build <site folder> <public url, such as / or /clinic/> \
             [<Markdown folder>]"
        );
        return ExitCode::from(2);
    };
    // The project, when Trunk runs this: its Markdown articles, and the CMS its set-up
    // installed for the editors' page.
    let project = std::env::var("TRUNK_SOURCE_DIR").ok().map(PathBuf::from);
    let sources = args
        .next()
        .map(PathBuf::from)
        .or_else(|| project.as_ref().map(|project| project.join(SOURCES_DIR)));
    if let Some(project) = &project {
        if let Err(error) = finish_editors_page(&site_dir, project) {
            eprintln!("{EDITORS_DIR}: {error}");
            return ExitCode::FAILURE;
        }
    }
    match name_programs(&site_dir, &public_url) {
        Ok(named) => named
            .iter()
            .for_each(|file| println!("named by content: {file}")),
        Err(error) => {
            eprintln!("programs named by content: {error}");
            return ExitCode::FAILURE;
        }
    }
    let development = std::env::var("TRUNK_PROFILE").as_deref() == Ok("debug");

    let profile = if development {
        Profile::Development
    } else {
        Profile::Release
    };
    let content = site_dir.join("content");
    let published = sources
        .map(|sources| publish_sources(&sources, &content, &site_dir))
        .unwrap_or_default();
    let built = if published.problems.is_empty() {
        prerender_site(&site_dir, &public_url, profile, search_chunk_sizes())
    } else {
        Err(published.problems.clone())
    };
    // Each line about a Markdown article names its Markdown file.
    let built = built
        .map(|mut done| {
            done.warnings = rename(&published, done.warnings);
            done
        })
        .map_err(|problems| rename(&published, problems));
    match built {
        Ok(Prerendered { files, warnings }) => {
            for warning in warnings {
                eprintln!("warning: {warning}");
            }
            let pages = files.iter().filter(|file| file.ends_with(".html")).count();
            println!(
                "prerender: {pages} pages and {} other files",
                files.len() - pages
            )
        }
        Err(problems) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            if !development {
                eprintln!("prerender: FAILED (above): nothing to publish");
                return ExitCode::FAILURE;
            }
            eprintln!("prerender: SKIPPED (above); every page is the app's shell, which shows it");
            if let Err(error) = write_json(&site_dir.join(PROBLEMS_FILE), &problems) {
                eprintln!("{error}");
            }
            // Unknown addresses still reach the app, which shows the mistakes too.
            let shell = site_dir.join("index.html");
            if let Err(error) = std::fs::copy(&shell, site_dir.join(NOT_FOUND_FILE)) {
                eprintln!("{NOT_FOUND_FILE}: cannot be written: {error}");
            }
            return ExitCode::SUCCESS;
        }
    }
    match write_service_worker(&site_dir) {
        Ok((version, files)) => {
            println!("service-worker.js: version {version}, {files} files saved on install");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("service-worker.js: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The search index's chunk sizes: the default, or each chunk as small as it can be when
/// `SEARCH_CHUNKS=smallest` (for a test that watches which chunks a query downloads).
fn search_chunk_sizes() -> ChunkSizes {
    match std::env::var("SEARCH_CHUNKS").as_deref() {
        Ok("smallest") => ChunkSizes::SMALLEST,
        _ => ChunkSizes::default(),
    }
}

fn rename(published: &Published, lines: Vec<String>) -> Vec<String> {
    lines
        .iter()
        .map(|line| published.named_by_source(line))
        .collect()
}

/// The editors' page: the CMS copied in from the set-up's npm packages, and the stylesheet
/// of its preview.
fn finish_editors_page(site_dir: &Path, project: &Path) -> Result<(), String> {
    match install_cms(site_dir, project)? {
        Some(files) => println!("{EDITORS_DIR}: Decap CMS, {files} files"),
        None => println!(
            "{EDITORS_DIR}: without Decap CMS ({CMS_PACKAGE} is not there: tools/dev.sh \
             setup installs it); the editors' page says so"
        ),
    }
    write_preview_stylesheet(site_dir, project)
}
