// The editors' page: Decap CMS (decap-cms.js, which the build copies in) edits the Markdown
// articles and the site settings, configured by config.yml (generated from the content
// model: crates/editor/src/cms.rs). This script shows each article in the preview as the
// site shows it, in the site's own stylesheet; and when the CMS is not there (a build without
// the set-up's npm packages, or a script that did not load), it says so.
(function () {
  "use strict";

  // Generated from crates/editor/src/cms.rs and crates/build/src/editors_page.rs: after
  // changing them, run cargo run --bin content -- generate.
  // <generated>
  var ARTICLES_COLLECTION = "articles";
  var PREVIEW_STYLESHEET = "site.css";
  // </generated>

  if (!window.CMS) {
    document.getElementById("editor-missing").hidden = false;
    return;
  }

  CMS.registerPreviewStyle(new URL(PREVIEW_STYLESHEET, document.baseURI).href);

  // The article's header and text with the classes the site's own components give them.
  var ArticlePreview = createClass({
    render: function () {
      var entry = this.props.entry;
      var field = function (name) {
        return entry.getIn(["data", name]);
      };
      var hero = field("hero");
      var picture = hero && hero.get("src");
      var keyPoints = field("key_points");
      return h(
        "article",
        { className: "article" },
        h(
          "header",
          { className: "article-header" },
          h("p", { className: "article-category" }, field("category")),
          h("h1", {}, field("title")),
          keyPoints && keyPoints.size
            ? h(
                "section",
                { className: "key-points" },
                h("h2", {}, "Key points"),
                h(
                  "ul",
                  {},
                  keyPoints.toArray().map(function (point, index) {
                    return h("li", { key: index }, point);
                  }),
                ),
              )
            : null,
          picture
            ? h(
                "figure",
                { className: "article-hero" },
                h("img", {
                  src: this.props.getAsset(picture).toString(),
                  alt: hero.get("alt") || "",
                }),
              )
            : null,
        ),
        h("div", { className: "article-body" }, this.props.widgetFor("body")),
      );
    },
  });
  CMS.registerPreviewTemplate(ARTICLES_COLLECTION, ArticlePreview);
})();
