/*
 * The portal editors' rich text field. Each <textarea data-rich-text> becomes a TinyMCE editor; without
 * JavaScript (or if TinyMCE does not load) it stays a plain HTML textarea and the form works the same.
 * Whatever the editor produces is cleaned again on the server (jsoup's safelist): this script is a
 * convenience, never a safety measure. Served as a file (the page runs nothing inline); TinyMCE's skin and
 * content styles come from its own files, and its editing frame gets a policy of its own (no script at all).
 * The page's policy allows no inline style (PortalPages.EDITOR_POLICY), so nothing here may make TinyMCE write a
 * style attribute as markup: alignment is a class (kept by the server's sanitiser, styled by the site's CSS and
 * content.css in the editing frame), tables get no styles, images no resize handles, paragraphs no indentation.
 */
(function () {
  'use strict';
  if (!window.tinymce) {
    return;
  }
  // the interface strings the toolbar, menus and dialogs below use, in Vietnamese
  tinymce.addI18n('vi', {
    'Undo': 'Hoàn tác', 'Redo': 'Làm lại', 'Blocks': 'Kiểu đoạn', 'Paragraph': 'Đoạn văn',
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
  });
  var base = document.querySelector('script[src*="/tinymce.min.js"]').src.replace(/\/tinymce\.min\.js.*$/, '');
  // the alignment classes inside the editing frame, as the public site shows them (a hashed file of this module)
  var contentCss = document.querySelector('script[data-content-css]').dataset.contentCss;
  // a block's alignment as a class: the only ones the server keeps (Sanitiser), styled by the site's CSS
  var aligned = 'p,h2,h3,h4,blockquote,li,td,th';
  var align = function (name) {
    return { selector: aligned, classes: 'align-' + name };
  };
  document.querySelectorAll('textarea[data-rich-text]').forEach(function (area) {
    tinymce.init({
      target: area,
      base_url: base,
      suffix: '.min',
      language: area.dataset.lang === 'en' ? 'en' : 'vi',
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
      block_formats: 'Paragraph=p; Heading 2=h2; Heading 3=h3; Heading 4=h4',
      content_css: ['default', contentCss],
      formats: {
        alignleft: align('left'), aligncenter: align('center'), alignright: align('right'), alignjustify: align('justify')
      },
      // what the server keeps anyway (Sanitiser): no inline styles, no classes but the alignments, no scripts, no frames
      valid_styles: {},
      valid_classes: { '*': 'align-left align-center align-right align-justify' },
      invalid_elements: 'script,style,iframe,object,embed,form,input,button,svg,math',
      // pasted or dropped images would be blob: or data: addresses, which the server drops: images come from the unit's files
      paste_data_images: false,
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
        // indentation outside a list is an inline padding, which neither the policy nor the server keeps: lists only
        editor.on('BeforeExecCommand', function (e) {
          var command = e.command.toLowerCase();
          if ((command === 'indent' || command === 'outdent') && !editor.dom.getParent(editor.selection.getStart(), 'li')) {
            e.preventDefault();
          }
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
})();
