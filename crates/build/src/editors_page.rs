//! The editors' page in a build (`admin/`, from `public/admin/`): Decap CMS itself, copied
//! from the set-up's npm packages (served by the site, never from another host), and the
//! site's stylesheet for its preview. And the page's own Content-Security-Policy.

use std::path::Path;

use clinic_content::load::EDITORS_DIR;

use crate::stylesheet::shipped_stylesheet;

/// Where the set-up installs Decap CMS (`tools/package.json` pins it), in the project.
pub const CMS_PACKAGE: &str = "tools/node_modules/decap-cms/dist";
/// The stylesheet the preview shows an article in, in the editors' page.
pub const PREVIEW_STYLESHEET: &str = "site.css";

/// The editors' page's policy, apart from the readers' pages' (`public/_headers`,
/// `deploy/nginx.conf` and the page's own `<meta>`, which `derived_files` keep equal to
/// this). The CMS needs what the site never allows: `'unsafe-eval'` (it checks its
/// configuration with compiled schemas), inline styles (its components style themselves),
/// pictures from its backend, and requests to the clinic's git host (any `https:` one, as
/// a clinic may keep its own Gitea) and to its local server on an editor's own computer.
pub const EDITORS_POLICY: &str = "default-src 'self'; script-src 'self' 'unsafe-eval'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' blob: data: https:; font-src 'self'; \
     connect-src 'self' blob: https: http://localhost:*; frame-src 'self' blob:; \
     object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
/// What a `<meta>` policy cannot say (browsers ignore it there, with a warning).
pub const HEADER_ONLY: &str = "; frame-ancestors 'none'";

/// Copies the CMS from the project's npm packages (`project`/[`CMS_PACKAGE`]) into the
/// editors' page of the site in `site_dir`: its script and the pieces it loads on demand,
/// and its licence. Returns how many files it copied, or `None` when the set-up has not
/// installed it (the page then says so).
pub fn install_cms(site_dir: &Path, project: &Path) -> Result<Option<usize>, String> {
    let package = project.join(CMS_PACKAGE);
    let Ok(entries) = std::fs::read_dir(&package) else {
        return Ok(None);
    };
    let to = site_dir.join(EDITORS_DIR);
    std::fs::create_dir_all(&to).map_err(|error| format!("{}: {error}", to.display()))?;
    let mut copied = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        // The old names (cms.js) are the same script again; source maps are for its makers.
        if name.ends_with("decap-cms.js") || name == "LICENSE" {
            std::fs::copy(entry.path(), to.join(&name))
                .map_err(|error| format!("{}: cannot be copied: {error}", name))?;
            copied += 1;
        }
    }
    Ok(Some(copied))
}

/// Writes the site's stylesheet (`project`/`style/main.css`, as the pages inline it) into
/// the editors' page, for its preview. Its fonts are at the site's root, one folder up.
pub fn write_preview_stylesheet(site_dir: &Path, project: &Path) -> Result<(), String> {
    let source = project.join("style/main.css");
    let css = std::fs::read_to_string(&source)
        .map_err(|error| format!("{}: {error}", source.display()))?;
    let css = shipped_stylesheet(&css)?.replace("url(fonts/", "url(../fonts/");
    let path = site_dir.join(EDITORS_DIR).join(PREVIEW_STYLESHEET);
    std::fs::write(&path, css).map_err(|error| format!("{}: {error}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cms_and_the_preview_stylesheet_are_copied_in_and_a_missing_cms_is_no_error() {
        let folder = tempfile::tempdir().expect("a folder");
        let (site, project) = (folder.path().join("site"), folder.path().join("project"));
        assert_eq!(install_cms(&site, &project), Ok(None));

        let package = project.join(CMS_PACKAGE);
        std::fs::create_dir_all(&package).expect("a folder");
        for file in [
            "decap-cms.js",
            "12.decap-cms.js",
            "decap-cms.js.map",
            "cms.js",
            "LICENSE",
        ] {
            std::fs::write(package.join(file), "x").expect("write");
        }
        assert_eq!(install_cms(&site, &project), Ok(Some(3)));
        assert!(site.join(EDITORS_DIR).join("12.decap-cms.js").is_file());

        std::fs::create_dir_all(project.join("style")).expect("a folder");
        std::fs::write(
            project.join("style/main.css"),
            "@font-face { font-family: A; src: url(\"fonts/a.woff2\") format(\"woff2\"); }",
        )
        .expect("write");
        write_preview_stylesheet(&site, &project).expect("written");
        let css = std::fs::read_to_string(site.join(EDITORS_DIR).join(PREVIEW_STYLESHEET))
            .expect("the stylesheet");
        assert!(css.contains("url(../fonts/a.woff2)"), "{css}");
    }
}
