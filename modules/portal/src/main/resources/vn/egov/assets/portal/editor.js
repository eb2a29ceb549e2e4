/*
 * The portal editors' rich text field. Each <textarea data-rich-text> becomes a TinyMCE editor; without
 * JavaScript (or if TinyMCE does not load) it stays a plain HTML textarea and the form works the same.
 * Whatever the editor produces is cleaned again on the server (jsoup's safelist): this script is a
 * convenience, never a safety measure. Served as a file (the page runs nothing inline); TinyMCE's skin and
 * content styles come from its own files, and its editing frame gets a policy of its own (no script at all).
 * The page's policy allows no inline style (PortalPages.EDITOR_POLICY), so nothing here may make TinyMCE write a
 * style attribute as markup: alignment and a paragraph's indentation are classes (kept by the server's sanitiser,
 * styled by the site's CSS and content.css in the editing frame), tables get no styles, images no resize handles,
 * and pasted HTML loses its style attributes before TinyMCE puts it in the page.
 * TinyMCE speaks the page's language (this script's data-language) with the language pack of npm's tinymce-i18n (served
 * under /vendor/tinymce-i18n/, named by its data-language-url; none for English), over which the words the toolbar and
 * dialogs show are ours: the portal's bundle editor_<language>.properties, given as JSON in its data-words.
 */
(function () {
  'use strict';
  if (!window.tinymce) {
    return;
  }
  var script = document.querySelector('script[data-content-css]');
  // the interface's words in the page's language (TinyMCE's English text → ours), over those of the language pack
  var language = script.dataset.language || 'vi';
  var words = JSON.parse(script.dataset.words || '{}');
  var base = document.querySelector('script[src*="/tinymce.min.js"]').src.replace(/\/tinymce\.min\.js.*$/, '');
  // the alignment and indentation classes inside the editing frame, as the public site shows them (a hashed file)
  var contentCss = script.dataset.contentCss;
  // a block's alignment as a class: the only ones the server keeps (Sanitiser), styled by the site's CSS
  var aligned = 'p,h2,h3,h4,blockquote,li,td,th';
  var align = function (name) {
    return { selector: aligned, classes: 'align-' + name };
  };
  // a block's indentation outside a list, as a class too: indent-1 to indent-4 (Sanitiser.INDENTS, the site's CSS)
  var indented = 'p,h2,h3,h4,blockquote';
  var deepest = 4;
  var level = function (block) {
    var found = /(?:^|\s)indent-(\d)(?:\s|$)/.exec(block.className || '');
    return found ? Number(found[1]) : 0;
  };
  document.querySelectorAll('textarea[data-rich-text]').forEach(function (area) {
    tinymce.init({
      target: area,
      base_url: base,
      suffix: '.min',
      language: language,
      language_url: script.dataset.languageUrl,
      menubar: false,
      toolbar_mode: 'wrap',
      branding: false,
      promotion: false,
      statusbar: true,
      elementpath: false,
      height: 420,
      max_height: 2000,
      plugins: 'lists link image table autolink code',
      toolbar: 'undo redo | blocks | bold italic underline strikethrough | alignleft aligncenter alignright alignjustify | '
        + 'bullist numlist outdent indent | blockquote link image table | removeformat code',
      // no space after the semicolons: TinyMCE would keep it in the name, which then has no translation
      block_formats: 'Paragraph=p;Heading 2=h2;Heading 3=h3;Heading 4=h4',
      content_css: ['default', contentCss],
      formats: {
        alignleft: align('left'), aligncenter: align('center'), alignright: align('right'), alignjustify: align('justify')
      },
      // what the server keeps anyway (Sanitiser): no inline styles, no classes but alignments and indents, no scripts, no frames
      valid_styles: {},
      valid_classes: { '*': 'align-left align-center align-right align-justify indent-1 indent-2 indent-3 indent-4' },
      invalid_elements: 'script,style,iframe,object,embed,form,input,button,svg,math',
      // pasted or dropped images would be blob: or data: addresses, which the server drops: images come from the unit's files
      paste_data_images: false,
      // TinyMCE's own removal of pasted styles misses some (single quotes, no quotes): ours removes them all, after
      // reading their alignment and indentation
      paste_webkit_styles: 'all',
      // pasted HTML (from a word processor, another site) without its style attributes before TinyMCE parses it,
      // since the policy refuses them: an alignment or indentation it had becomes the class
      paste_preprocess: function (editor, args) {
        args.content = unstyled(args.content);
      },
      object_resizing: false,
      image_list: area.dataset.images,
      image_caption: false,
      image_dimensions: false,
      link_default_target: '',
      link_assume_external_targets: 'https',
      relative_urls: false,
      remove_script_host: true,
      convert_urls: true,
      entity_encoding: 'raw',
      // tables without style attributes (a border attribute shows their cells while editing), not resized by dragging
      table_style_by_css: false,
      table_default_styles: {},
      table_resize_bars: false,
      table_advtab: false,
      table_cell_advtab: false,
      table_row_advtab: false,
      // the editing frame's own policy: nothing runs in it, nothing inline; images from this site (and data: icons)
      content_security_policy: "default-src 'self'; script-src 'none'; object-src 'none'; img-src 'self' data:; style-src 'self'",
      setup: function (editor) {
        // keep the textarea current, so that what is posted is what is seen (TinyMCE also saves on submit)
        editor.on('change input undo redo', function () { editor.save(); });
        // the language pack has just been loaded (TinyMCE loads it only when it has none of the language yet): ours over it
        editor.on('ScriptsLoaded', function () { tinymce.addI18n(language, words); });
        // indentation outside a list would be an inline margin, which neither the policy nor the server keeps: a class
        editor.on('BeforeExecCommand', function (e) {
          var command = e.command.toLowerCase();
          if ((command === 'indent' || command === 'outdent') && !editor.dom.getParent(editor.selection.getStart(), 'li')) {
            e.preventDefault();
            indent(editor, command === 'indent' ? 1 : -1);
          }
        });
        editor.on('init', function () {
          // the outdent button is enabled where there is something to outdent: a list item, an indented block
          editor.addQueryStateHandler('outdent', function () {
            return !!editor.dom.getParent(editor.selection.getStart(), 'li')
              || editor.selection.getSelectedBlocks().some(function (b) { return level(b) > 0; });
          });
        });
        // TinyMCE 6.8.5 still renders the resize handle as a focusable div with an aria-label and no role, which
        // ARIA forbids (a label on a generic element); it is a window splitter: a focusable separator moved by the
        // Up and Down keys, whose value is the editor's height between its least and greatest
        editor.on('init', function () {
          var handle = editor.getContainer().querySelector('.tox-statusbar__resize-handle');
          if (!handle) {
            return;
          }
          handle.setAttribute('role', 'separator');
          handle.setAttribute('aria-orientation', 'horizontal');
          handle.setAttribute('aria-valuemin', String(editor.options.get('min_height')));
          handle.setAttribute('aria-valuemax', String(editor.options.get('max_height')));
          var container = editor.getContainer();
          if (!container.id) {
            container.id = editor.id + '-editor';
          }
          handle.setAttribute('aria-controls', container.id);
          var height = function () {
            handle.setAttribute('aria-valuenow', String(Math.round(container.offsetHeight)));
          };
          height();
          editor.on('ResizeEditor', height);
        });
      }
    });
  });

  /** Indents (by 1) or outdents (by -1) the selected blocks that may be indented, one class for their level. */
  function indent(editor, by) {
    editor.undoManager.transact(function () {
      editor.selection.getSelectedBlocks().forEach(function (block) {
        if (!editor.dom.is(block, indented)) {
          return;
        }
        var now = level(block);
        var next = Math.max(0, Math.min(deepest, now + by));
        if (now > 0) {
          editor.dom.removeClass(block, 'indent-' + now);
        }
        if (next > 0) {
          editor.dom.addClass(block, 'indent-' + next);
        }
        if (!block.className) {
          block.removeAttribute('class');
        }
      });
    });
    editor.nodeChanged();
    editor.save();
  }

  /**
   * Pasted HTML without style attributes, a block's text-align or left margin kept as the class the editor would give
   * it, and bold, italic, underlined or struck text as the element the server keeps for it (strong, em, u, s: jsoup's
   * safelist, Sanitiser) inside the element that had the style. Done on the text, tag by tag, with the elements open at
   * each point: parsing it into any document of this page (even DOMParser's, or a template's) would apply the styles,
   * and the page's policy would refuse each one.
   */
  function unstyled(html) {
    var tag = /<(\/?)([a-zA-Z][^\s\/>]*)((?:[\s\/]+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)[\s\/]*>/g;
    var attribute = /([^\s"'>\/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;
    // the elements open at this point, innermost last: their name, what they were renamed to, the tags put inside them
    var open = [];
    return html.replace(tag, function (whole, closing, name, attributes) {
      var lower = name.toLowerCase();
      if (closing) {
        return closed(open, lower, whole);
      }
      var element = { name: lower, as: null, closers: '' };
      var before = implied(open, lower);
      if (!VOID.test(lower) && !/\/\s*>$/.test(whole)) {
        open.push(element);
      }
      if (!/\bstyle\b/i.test(attributes)) {
        return before + whole;
      }
      var kept = [];
      var classes = [];
      var style = '';
      attributes.replace(attribute, function (a, key, value) {
        var text = value ? value.replace(/^["']|["']$/g, '') : '';
        if (key.toLowerCase() === 'style') {
          style = text.toLowerCase();
        } else if (key.toLowerCase() === 'class') {
          classes.push(text);
        } else {
          kept.push(a);
        }
        return a;
      });
      classes = classes.concat(classesOf(lower, style));
      if (classes.length) {
        kept.push('class="' + classes.join(' ').replace(/"/g, '') + '"');
      }
      // a bold element whose style says it is not (a word processor's or another site's wrapper) is a span
      if (/^(?:b|strong)$/.test(lower) && /(?:^|;)\s*font-weight\s*:\s*(?:normal|lighter|[1-4]00)\b/.test(style)) {
        element.as = 'span';
      }
      var inner = emphasisOf(lower, style);
      element.closers = inner.slice().reverse().map(function (t) { return '</' + t + '>'; }).join('');
      return before + '<' + (element.as || name) + (kept.length ? ' ' + kept.join(' ') : '') + (/\/\s*>$/.test(whole) ? ' />' : '>')
        + inner.map(function (t) { return '<' + t + '>'; }).join('');
    });
  }

  /** Elements that have no closing tag. */
  var VOID = /^(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/;
  /** Elements whose content may be wrapped in strong, em, u or s: text and inline elements, not lists, tables or divisions. */
  var WRAPPABLE = /^(?:span|font|a|p|h[1-6]|li|td|th|dt|dd|caption|b|i|u|s|strike|strong|em|sub|sup|small|mark|q|cite|label)$/;

  /**
   * The closing tag of an open element {@code name}, after the closing tags of what was put inside it and inside the
   * elements it closes with it; a closing tag of nothing open stays as it is.
   */
  function closed(open, name, whole) {
    for (var i = open.length - 1; i >= 0; i--) {
      if (open[i].name === name) {
        var ended = open.splice(i);
        var closers = '';
        for (var j = ended.length - 1; j >= 0; j--) {
          closers += ended[j].closers;
        }
        return closers + (ended[0].as ? '</' + ended[0].as + '>' : whole);
      }
    }
    return whole;
  }

  /**
   * Elements whose closing tag may be left out, ended when another begins: what ends them, and the elements that hold
   * them (a new list's item does not end the item of the list around it). A paragraph is ended by any block.
   */
  var LIST_ITEM = [/^li$/, /^(?:ul|ol)$/];
  var TERM = [/^(?:dt|dd)$/, /^dl$/];
  var CELL = [/^(?:td|th)$/, /^(?:tr|table)$/];
  var ENDING = { li: LIST_ITEM, dt: TERM, dd: TERM, td: CELL, th: CELL, tr: [/^tr$/, /^(?:table|tbody|thead|tfoot)$/] };
  var PARAGRAPH = [/^p$/, /^(?:div|td|th|li|blockquote|section|article)$/];
  var BLOCK = /^(?:p|div|h[1-6]|ul|ol|dl|table|blockquote|pre|hr|section|article|figure)$/;

  /**
   * The closing tags of what was put inside the open element that {@code name} beginning ends without its closing tag
   * (an item the item before it, a paragraph a block), which is no longer open; nothing when it ends none.
   */
  function implied(open, name) {
    var rule = ENDING[name] || (BLOCK.test(name) ? PARAGRAPH : null);
    for (var i = open.length - 1; rule && i >= 0; i--) {
      if (rule[0].test(open[i].name)) {
        var closers = '';
        open.splice(i).reverse().forEach(function (e) {
          closers += e.closers;
        });
        return closers;
      }
      if (rule[1].test(open[i].name)) {
        break;
      }
    }
    return '';
  }

  /** The elements that say what a pasted element's style did: bold, italic, underlined, struck through. */
  function emphasisOf(name, style) {
    if (!WRAPPABLE.test(name)) {
      return [];
    }
    var inner = [];
    if (!/^(?:b|strong)$/.test(name) && /(?:^|;)\s*font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b/.test(style)) {
      inner.push('strong');
    }
    if (!/^(?:i|em)$/.test(name) && /(?:^|;)\s*font-style\s*:\s*(?:italic|oblique)\b/.test(style)) {
      inner.push('em');
    }
    var decoration = /(?:^|;)\s*text-decoration(?:-line)?\s*:\s*([^;]*)/.exec(style);
    if (decoration && name !== 'u' && name !== 'a' && /\bunderline\b/.test(decoration[1])) {
      inner.push('u');
    }
    if (decoration && !/^(?:s|strike)$/.test(name) && /\bline-through\b/.test(decoration[1])) {
      inner.push('s');
    }
    return inner;
  }

  /** The alignment and indentation classes for what a pasted block's style said. */
  function classesOf(name, style) {
    var classes = [];
    var alignment = /(?:^|;)\s*text-align\s*:\s*(left|center|right|justify)/.exec(style);
    if (alignment && aligned.split(',').indexOf(name) >= 0) {
      classes.push('align-' + alignment[1]);
    }
    var margin = /(?:^|;)\s*(?:margin|padding)-left\s*:\s*([\d.]+)(px|pt|em|rem)/.exec(style);
    if (margin && indented.split(',').indexOf(name) >= 0) {
      var steps = Math.min(deepest, Math.round(Number(margin[1]) * { px: 1, pt: 4 / 3, em: 16, rem: 16 }[margin[2]] / 40));
      if (steps > 0) {
        classes.push('indent-' + steps);
      }
    }
    return classes;
  }
})();
