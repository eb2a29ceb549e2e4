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
 * TinyMCE speaks Vietnamese with the language pack of npm's tinymce-i18n (served under /vendor/tinymce-i18n/, named
 * by this script's data-language-url), over which the strings below, those the toolbar and dialogs show, are ours.
 */
(function () {
  'use strict';
  if (!window.tinymce) {
    return;
  }
  // the interface strings the toolbar, menus and dialogs below use, in Vietnamese, over those of the language pack
  var vietnamese = {
    'Undo': 'Hoàn tác', 'Redo': 'Làm lại', 'Blocks': 'Kiểu đoạn', 'Block {0}': 'Kiểu đoạn: {0}', 'Paragraph': 'Đoạn văn',
    'Heading 2': 'Tiêu đề 2', 'Heading 3': 'Tiêu đề 3', 'Heading 4': 'Tiêu đề 4', 'Blockquote': 'Trích dẫn',
    'Bold': 'In đậm', 'Italic': 'In nghiêng', 'Underline': 'Gạch chân', 'Strikethrough': 'Gạch ngang',
    'Bullet list': 'Danh sách dấu chấm', 'Numbered list': 'Danh sách đánh số',
    'Decrease indent': 'Giảm thụt lề', 'Increase indent': 'Tăng thụt lề',
    'Link...': 'Liên kết...', 'Insert/edit link': 'Chèn/sửa liên kết', 'Insert/Edit Link': 'Chèn/sửa liên kết',
    'URL': 'Địa chỉ', 'Text to display': 'Chữ hiển thị', 'Title': 'Tiêu đề', 'Open link in...': 'Mở liên kết ở...',
    'Current window': 'Cửa sổ hiện tại', 'New window': 'Cửa sổ mới', 'Remove link': 'Bỏ liên kết', 'Open link': 'Mở liên kết',
    'Image...': 'Ảnh...', 'Insert/edit image': 'Chèn/sửa ảnh', 'Insert/Edit Image': 'Chèn/sửa ảnh', 'Source': 'Nguồn',
    'Image list': 'Ảnh của đơn vị', 'Alternative description': 'Mô tả thay thế (cho người không nhìn thấy ảnh)',
    'Image is decorative': 'Ảnh chỉ để trang trí', 'Width': 'Rộng', 'Height': 'Cao', 'Constrain proportions': 'Giữ tỉ lệ',
    'Dimensions': 'Kích thước', 'General': 'Chung', 'None': 'Không',
    'Table': 'Bảng', 'Insert table': 'Chèn bảng', 'Table properties': 'Thuộc tính bảng', 'Delete table': 'Xoá bảng',
    'Row': 'Hàng', 'Column': 'Cột', 'Cell': 'Ô', 'Insert row before': 'Chèn hàng phía trên', 'Insert row after': 'Chèn hàng phía dưới',
    'Delete row': 'Xoá hàng', 'Insert column before': 'Chèn cột bên trái', 'Insert column after': 'Chèn cột bên phải',
    'Delete column': 'Xoá cột', 'Header row': 'Hàng tiêu đề',
    'Source code': 'Mã HTML', 'Clear formatting': 'Xoá định dạng', 'Save': 'Lưu', 'Cancel': 'Huỷ', 'Close': 'Đóng',
    'Rich Text Area': 'Vùng soạn thảo', 'Press {0} for help': 'Nhấn {0} để xem trợ giúp',
    'Rich Text Area. Press ALT-0 for help.': 'Vùng soạn thảo. Nhấn ALT-0 để xem trợ giúp.',
    'Text color': 'Màu chữ', 'Formats': 'Định dạng', 'Words: {0}': 'Số từ: {0}', '{0} words': '{0} từ',
    'Align left': 'Căn trái', 'Align center': 'Căn giữa', 'Align right': 'Căn phải', 'Justify': 'Căn đều hai bên',
    'Resize': 'Đổi chiều cao',
    'Press the Up and Down arrow keys to resize the editor.': 'Nhấn phím mũi tên lên hoặc xuống để đổi chiều cao vùng soạn thảo.'
  };
  var script = document.querySelector('script[data-content-css]');
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
      language: area.dataset.lang === 'en' ? 'en' : 'vi',
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
        // the language pack has just been loaded (TinyMCE loads it only when it has no Vietnamese yet): ours over it
        editor.on('ScriptsLoaded', function () { tinymce.addI18n('vi', vietnamese); });
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
   * it. Done on the text, tag by tag: parsing it into any document of this page (even DOMParser's, or a template's)
   * would apply the styles, and the page's policy would refuse each one.
   */
  function unstyled(html) {
    var tag = /<([a-zA-Z][^\s\/>]*)((?:[\s\/]+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)[\s\/]*>/g;
    var attribute = /([^\s"'>\/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;
    return html.replace(tag, function (whole, name, attributes) {
      if (!/\bstyle\b/i.test(attributes)) {
        return whole;
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
      classes = classes.concat(classesOf(name.toLowerCase(), style));
      if (classes.length) {
        kept.push('class="' + classes.join(' ').replace(/"/g, '') + '"');
      }
      return '<' + name + (kept.length ? ' ' + kept.join(' ') : '') + (/\/\s*>$/.test(whole) ? ' />' : '>');
    });
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
